# int() and float() parsing edge cases and their error messages.
def show(fn, text, *extra):
    try:
        print(repr(text), "->", repr(fn(text, *extra)))
    except ValueError as e:
        print(repr(text), "-> ValueError:", e)

for text in ["0_5", "00", "  -  5", "5_", "_5", "1e3", "+-1", "0x10", " 1 2 "]:
    show(int, text)
show(int, "0x", 16)
show(int, " 0b1 ", 0)
show(int, "012", 0)
show(int, "9", 8)
show(int, "-0x1f", 16)
show(int, "zz", 36)
for text in ["1_000.5", "nan", "-0", " \n1e-3\t", "1e", "infinity", "+inf", "-iNF", ".", "1.", ".5e1", "0x1"]:
    show(float, text)
try:
    int("5", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    int(5, 10)
except TypeError as e:
    print("TypeError:", e)
