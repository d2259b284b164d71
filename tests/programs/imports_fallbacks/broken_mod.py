print("broken_mod runs")
x = 1 / 0
