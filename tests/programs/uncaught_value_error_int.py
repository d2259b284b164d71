# An uncaught ValueError from int() on a bad literal.
for text in ["10", "20", "x"]:
    print(int(text))
