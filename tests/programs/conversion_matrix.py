# int() with every base over digit strings, and str/repr/bool/float/int round trips of values.
texts = ["0", "1", "10", "-10", "+7", "z", "Z9", "0x1f", "0o17", "0b101", "1_0", " 12 ", "10.0", "08"]
for text in texts:
    row = []
    for base in [0, 2, 8, 10, 16, 36]:
        try:
            row.append(str(int(text, base)))
        except ValueError:
            row.append("ValueError")
    print(repr(text).ljust(8), " ".join(row))
for v in [0, -5, 2 ** 65, 0.25, -1e-9, 1e21, True, False, None, "12", "", [0], (), {}]:
    cells = [repr(str(v)), repr(v), bool(v)]
    for conv in (int, float):
        try:
            cells.append(repr(conv(v)))
        except (TypeError, ValueError) as e:
            cells.append(type(e).__name__)
    print(*cells)
for n in [0, 1, -1, 255, -256, 2 ** 64 - 1, -(2 ** 100)]:
    print(n, hex(n), oct(n), bin(n), f"{n:x}", f"{n:#b}", int(hex(n), 16) == n, int(bin(n), 0) == n)
