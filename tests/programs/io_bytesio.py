# _io.BytesIO: an in-memory binary stream.
from _io import BytesIO

b = BytesIO(b"ab\ncd\nef")
print(b.read(2), b.readline(), b.readline(), b.readline(), b.readline(), b.tell())
b.seek(-2, 2)
print(b.read(), b.seek(-100, 1), b.tell())
print(b.write(b"XYZ"), b.getvalue(), b.tell())
b.seek(0)
print(list(b))
b.seek(0)
print(b.readlines(), b.read())
b.seek(0)
print(b.readlines(4), b.read1(2), b.readline(1))
print(b.truncate(4), b.getvalue(), b.tell())
b.seek(8)
b.write(b"!")
print(b.getvalue())
print(b.readable(), b.writable(), b.seekable(), b.isatty(), b.closed, b.flush())
b.writelines([b"1", b"2"])
print(b.getvalue()[-3:])
empty = BytesIO()
print(empty.getvalue(), empty.read(), empty.tell(), empty.write(b""))
for bad in (lambda: BytesIO().write("s"), lambda: BytesIO("s"), lambda: BytesIO().write(5)):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
for bad in (lambda: BytesIO().seek(-1), lambda: BytesIO().seek(0, 5), lambda: BytesIO().truncate(-2)):
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)
with BytesIO(b"ctx") as c:
    print(c.read(), c.closed)
print(c.closed)
for op in ("read", "getvalue", "tell", "write"):
    try:
        if op == "write":
            c.write(b"x")
        else:
            getattr(c, op)()
    except ValueError as e:
        print(op, type(e).__name__, e)


class Counting(BytesIO):
    def __init__(self, data):
        super().__init__(data)
        self.reads = 0

    def read(self, n=-1):
        self.reads += 1
        return super().read(n)


k = Counting(b"0123")
print(k.read(1), k.read(), k.reads, isinstance(k, BytesIO))
