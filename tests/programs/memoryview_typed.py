# Typed memoryviews: cast, array-backed views, attributes, release, errors.
from array import array
import struct

def show(*a):
    print(*a)

def attempt(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

b = bytearray(struct.pack("<4i", 1, -2, 3, 400000))
m = memoryview(b).cast("i")
show(m.format, m.itemsize, m.nbytes, m.shape, m.strides, m.ndim, m.readonly, len(m))
show(m[0], m[1], m[-1], m.tolist(), m[1:3].tolist(), m[::2].tolist(), m[::-1].tolist())
show(m[1:3].shape, m[::2].strides, m[1:3].nbytes, m[::2].c_contiguous, m.contiguous)
m[0] = 7
show(b[:4], m[0])
m[1:3] = memoryview(bytearray(struct.pack("<2i", 5, 6))).cast("i")
show(m.tolist())
attempt(lambda: m.__setitem__(0, 2**40))
attempt(lambda: m.__setitem__(0, "x"))
attempt(lambda: m.__setitem__(0, 1.5))
attempt(lambda: m[4])
attempt(lambda: m["a"])
show(m == [7, 5, 6, 400000], m.tolist() == [7, 5, 6, 400000])
show(m == memoryview(array("i", [7, 5, 6, 400000])), m == memoryview(array("l", [7, 5, 6, 400000])))
show(m == memoryview(bytes(b)), memoryview(bytes(b)) == bytes(b))

a = array("d", [1.5, -2.25, 3.0])
md = memoryview(a)
show(md.format, md.itemsize, md.nbytes, md.shape, md.strides, md.tolist(), md[1], md.obj is a)
md[0] = 9.5
show(a, md.tobytes() == a.tobytes())
show(md == memoryview(array("d", [9.5, -2.25, 3.0])), md == memoryview(array("f", [9.5, -2.25, 3.0])))
mh = memoryview(array("h", [1, -1, 300]))
show(mh.format, mh.itemsize, mh.tolist(), mh.cast("B").tolist(), mh.cast("b").tolist()[:2])
show(memoryview(array("B", [1, 2, 3])).tolist(), memoryview(array("q", [2**40])).tolist())
show(memoryview(b"abcd").cast("c").tolist(), memoryview(b"\x01\x00").cast("?").tolist())
show(memoryview(bytes(8)).cast("Q").tolist(), memoryview(bytes(struct.pack("<f", 0.5))).cast("f").tolist())

# multi-dimensional casts
m2 = memoryview(bytes(range(12))).cast("B", (3, 4))
show(m2.shape, m2.strides, m2.ndim, m2.tolist(), m2[1, 2])
attempt(lambda: m2[1])
attempt(lambda: len(m2))
m3 = memoryview(bytearray(24)).cast("i", [2, 3])
show(m3.shape, m3.nbytes, m3.tolist())

# cast errors
attempt(lambda: memoryview(bytes(6)).cast("i"))
attempt(lambda: memoryview(bytes(8)).cast("x"))
attempt(lambda: memoryview(bytes(8)).cast("i").cast("h"))
attempt(lambda: memoryview(bytes(8)).cast("B", (3, 3)))
attempt(lambda: memoryview(bytes(8))[::2].cast("B"))
attempt(lambda: memoryview(bytes(8)).cast("i").cast("B").tolist())

# release and the context manager
buf = bytearray(b"xyz")
with memoryview(buf) as mv:
    show(mv[0], bytes(mv))
attempt(lambda: mv[0])
attempt(lambda: len(mv))
attempt(lambda: mv.tolist())
attempt(lambda: mv.format)
show(repr(mv).startswith("<released memory at"))
buf.append(1)
mv2 = memoryview(buf)
attempt(lambda: buf.append(2))
mv2.release()
mv2.release()
buf.append(3)
show(buf)
attempt(lambda: memoryview(b"ab").__enter__().release())
attempt(lambda: memoryview("abc"))
attempt(lambda: memoryview(5))
ro = memoryview(b"abc")
attempt(lambda: ro.__setitem__(0, 1))
show(ro.readonly, memoryview(bytearray(1)).readonly)
show(hash(memoryview(b"abc")) == hash(b"abc"))
attempt(lambda: hash(memoryview(bytearray(b"abc"))))
attempt(lambda: hash(memoryview(b"abcd").cast("i")))
show(bytes(memoryview(b"hello")[1:4]), memoryview(b"hello")[1:4].tobytes(), memoryview(b"hi").hex(), list(memoryview(b"ab")))
show(memoryview(array("i", [1, 2])).tobytes() == array("i", [1, 2]).tobytes(), list(memoryview(array("i", [5, 6]))))
show(memoryview(bytearray(b"ab")).toreadonly().readonly, memoryview(b"x").obj)
