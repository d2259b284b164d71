# An uncaught TypeError from adding int and str.
count = 3
print("count:", count)
label = count + " items"
