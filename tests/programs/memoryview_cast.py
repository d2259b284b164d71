import struct
b = bytearray(struct.pack("<4i", 1, -2, 3, 2**31 - 1))
m = memoryview(b)
c = m.cast("i")
print(c.format, c.itemsize, len(c), c.shape, c.nbytes, c.tolist(), c[1], c[-1])
for f in "BbcHhIiLlQqfd?e":
    try:
        x = memoryview(bytes(range(16))).cast(f)
        print(f, x.itemsize, len(x), x.tolist()[:3])
    except Exception as e:
        print(f, type(e).__name__, e)
for bad in [lambda: c.cast("h"), lambda: memoryview(b"abc").cast("i"), lambda: memoryview(b"abcd").cast("x"), lambda: memoryview(b"abcdef")[::2].cast("B"), lambda: c[10]]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(c.cast("B").tolist()[:4], bytes(c.cast("B"))[:4], c.tobytes()[:8])
print(memoryview(b"\x01\x00\x02\x00").cast("H").tolist())
import re
print(re.findall(r"[\u0100-\u0200x]+", "aĀx bƀ"), re.sub(r"[^\x00-\x7f]", "?", "héllo wörld"))
