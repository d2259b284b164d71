# Each float('nan') is a new object: containers find a NaN by identity only when it is the
# same object (CPython's `x in [x]` is True, `float('nan') in [float('nan')]` is False).
import array
import math
import struct

x = float("nan")
y = x
print(x in [x], x in (x,), x in {x}, x in {x: 1}, y is x, [x] == [x], (x,) == (x,))
print(float("nan") in [float("nan")], float("nan") is float("nan"), x == x)
print(len({float("nan"), float("nan")}), len({x, x, y}), len({x: 1, float("nan"): 2}))
print([x].count(x), [float("nan")].count(float("nan")), [x, 1].index(x))
d = {x: "found"}
print(d[x], float("nan") in d, d.get(float("nan"), "missing"))
print(math.nan in [math.nan], [math.nan] == [math.nan], float("nan") in [math.nan])
n1, n2 = float("nan"), float("-nan")
print(n1 in [n2], n2 in [n2], repr(n1), repr(n2), math.copysign(1, n2))
# Written out, every NaN is the plain quiet NaN.
print(struct.pack("<d", n1).hex(), struct.pack(">f", n2).hex(), struct.pack("<e", n1).hex())
print(array.array("d", [n1, n2]).tobytes().hex(), array.array("f", [n1]).tobytes().hex())
m = memoryview(bytearray(8)).cast("d")
m[0] = n1
print(bytes(m.obj).hex(), math.isnan(struct.unpack("<d", struct.pack("<d", n1))[0]))
print(sorted([3.0, 1.0]) + [v for v in [x] if v != v], float.hex(x), str(n2), f"{n1:+}")
