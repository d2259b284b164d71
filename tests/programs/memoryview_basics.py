# memoryview over bytes and bytearray: reads, slices, writes through, release.

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


m = memoryview(b"abcdef")
print(len(m), m[0], m[-1], m[1:4].tobytes(), m[::2].tobytes(), m[::-1].tolist())
print(m.tobytes(), m.tolist()[:3], m.hex(), m.format, m.itemsize, m.nbytes, m.readonly)
print(m.ndim, m.shape, m.obj, m == b"abcdef", m != b"abc", m[1:3] == b"bc")
print(bytes(m[2:]), bytearray(m[:2]), b"".join([m[:1], m[3:4]]))
show("index", lambda: m[10])
show("write ro", lambda: m.__setitem__(0, 1))
show("bad arg", lambda: memoryview("str"))
show("int arg", lambda: memoryview(5))

ba = bytearray(b"hello")
v = memoryview(ba)
v[0] = 72
print(ba, v.readonly)
v[1:3] = b"EY"
print(ba)
w = v[2:]
w[0] = 33
print(ba, w.tobytes(), len(w), w.nbytes)
show("bad value", lambda: v.__setitem__(0, 256))
show("bad type", lambda: v.__setitem__(0, b"x"))
show("bad size", lambda: v.__setitem__(slice(0, 2), b"xyz"))
ba[4] = 63
print(v.tobytes(), v[4])

with memoryview(b"ctx") as c:
    print(c.tobytes())
show("after release", lambda: c.tobytes())
show("len after release", lambda: len(c))
n = memoryview(b"rel")
n.release()
n.release()
show("released index", lambda: n[0])
print(memoryview(memoryview(b"nest")).tobytes())

# A bytearray cannot change size while a memoryview exports it.
buf = bytearray(b"abc")
ex = memoryview(buf)
show("append exported", lambda: buf.append(1))
show("extend exported", lambda: buf.extend(b"x"))
show("pop exported", lambda: buf.pop())
show("del exported", lambda: buf.__delitem__(0))
show("resize slice", lambda: buf.__setitem__(slice(0, 1), b"xy"))
buf[0:1] = b"Z"
print(buf, ex.tobytes())
ex2 = ex[1:]
ex.release()
show("still exported", lambda: buf.append(1))
ex2.release()
buf.append(33)
print(buf)
with memoryview(buf) as tmp:
    show("in with", lambda: buf.clear())
buf.clear()
print(buf)
tmp2 = memoryview(buf)
del tmp2
buf.append(1)
print(buf)
