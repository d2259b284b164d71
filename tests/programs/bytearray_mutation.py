# bytearray mutation: items, slices (plain and extended), deletion and the list-like methods.

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


b = bytearray(b"abcdef")
b[0] = 65
b[-1] = 70
print(b)
show("set range", lambda: b.__setitem__(0, 256))
show("set neg", lambda: b.__setitem__(0, -1))
show("set str", lambda: b.__setitem__(0, "a"))
show("set bytes", lambda: b.__setitem__(0, b"a"))
show("set oob", lambda: b.__setitem__(10, 1))
b[1:3] = b"XYZ"
print(b)
b[1:4] = []
print(b)
b[:0] = bytearray(b"<<")
print(b)
b[len(b):] = [33, 34]
print(b)
b[::2] = b"1234"
print(b)
show("ext size", lambda: b.__setitem__(slice(None, None, 2), b"12"))
show("slice int", lambda: b.__setitem__(slice(0, 1), 5))
show("slice str", lambda: b.__setitem__(slice(0, 1), "x"))
b[::-1] = b[:]
print(b)
b[2:2] = range(48, 51)
print(b)

del b[0]
print(b)
del b[-2:]
print(b)
del b[::3]
print(b)
del b[::-2]
print(b)
show("del oob", lambda: b.__delitem__(100))

c = bytearray(b"xyz")
c.append(33)
c.insert(0, 60)
c.insert(-1, 61)
c.insert(100, 62)
c.insert(-100, 63)
print(c)
show("append big", lambda: c.append(300))
show("append str", lambda: c.append("a"))
print(c.pop(), c.pop(0), c.pop(-2), c)
show("pop oob", lambda: c.pop(50))
show("pop empty", lambda: bytearray().pop())
c.remove(ord("y"))
print(c)
show("remove missing", lambda: c.remove(0))
c.extend(b"ext")
c.extend(bytearray(b"!"))
c.extend([1, 2])
c.extend(x for x in (3, 4))
print(c)
show("extend str", lambda: c.extend("ab"))
show("extend int", lambda: c.extend(5))
show("extend bad item", lambda: c.extend([1, 999]))
c.reverse()
print(c)
d = c.copy()
d.clear()
print(c, d, type(d).__name__)

# Iteration sees the current buffer.
e = bytearray(b"ab")
out = []
for v in e:
    out.append(v)
    if len(e) < 5:
        e.append(v + 10)
print(out, e)
it = iter(bytearray(b"xyz"))
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it))


class Sub(bytearray):
    pass


s = Sub(b"sub")
s.append(33)
print(s, type(s).__name__, isinstance(s, bytearray), s == b"sub!", len(s))


class Named(bytearray):
    def __init__(self, name, data):
        super().__init__(data)
        self.name = name


n = Named("n", b"data")
print(n, n.name, len(n))
bytearray.__init__(n, b"re")
print(n)
bytearray.__init__(n)
print(n, len(n))
show("init bad", lambda: bytearray().__init__(1.5))
