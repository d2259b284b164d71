# Constants that compare equal but differ in type or sign stay distinct: 1, 1.0, True, 0.0, -0.0.
def consts():
    return (1, 1.0, True, 0, 0.0, -0.0, False, "1", b"1", (1,), (1.0,), (True,), ((0.0,), (-0.0,)))

for value in consts():
    print(repr(value), type(value).__name__)
print([1, 1.0, True], {0: "int"}.get(0.0), -0.0, 0.0 * -1, (-0.0,), [-0.0, 0.0])
x = 2 ** 100
y = 1267650600228229401496703205376
print(x == y, -5 // 2, "ab" * 3, (1, 2) + (3,), not 0, ~5, 1e3, 0x10, 0o10, 0b10, 1_000)
print(1 in {1.0, 2}, 1.0 in (True,), "x" in {"x": 0}, (0.0, -0.0) == (-0.0, 0.0), str(-0.0))
def same_in_two():
    return 1.0
def same_int():
    return 1
print(same_in_two(), same_int(), type(same_in_two()).__name__, type(same_int()).__name__)
big = (10 ** 30, -(10 ** 30), 3.14, "text", b"bytes", None, Ellipsis)
print(big)
