print("counter loaded")
hits = 0
