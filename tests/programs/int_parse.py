# int() from strings (whitespace, signs, underscores, bases) and from floats and bools.
print(int("42"), int("  -17  "), int("+8"), int("\t99\n"))
print(int("1_000_000"), int("0"), int("-0"), int("007"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("777", 8), int("101", 2))
print(int("0b101", 0), int("0o17", 0), int("0x1F", 0), int("10", 0))
print(int("z", 36), int("Zz", 36), int("  12  ", 3))
print(int(3.9), int(-3.9), int(0.5), int(1e20), int(True), int(False))
print(int("123456789012345678901234567890123"))
print(int(), int(-7), int("-" + "9" * 25))
for text in ["x", "12a", "", " ", "1.5", "0x10"]:
    try:
        int(text)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("12", 2)
except ValueError as e:
    print("ValueError:", e)
