# User classes deriving from io.RawIOBase / BufferedIOBase / TextIOBase and BufferedReader.
import io


class Chunks(io.RawIOBase):
    """A raw stream handing out its data a few bytes per readinto."""

    def __init__(self, data, step=3):
        self.data = data
        self.pos = 0
        self.step = step
        self.calls = 0

    def readable(self):
        return True

    def readinto(self, b):
        self.calls += 1
        n = min(len(b), self.step, len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n


raw = Chunks(b"alpha\nbeta\ngamma")
print(raw.read(4), raw.read(), raw.read(), raw.readable(), raw.writable(), raw.seekable())
raw = Chunks(b"one\ntwo\nthree")
print(raw.readline(), list(raw))
raw = Chunks(b"abc\ndef\n")
print(raw.readlines(), raw.closed)
with raw as r:
    print(r is raw, r.closed)
print(raw.closed)
for op in (raw.read, raw.readline, lambda: raw.__enter__(), lambda: iter(raw)):
    try:
        op()
    except ValueError as e:
        print(type(e).__name__, e)
try:
    Chunks(b"").fileno()
except io.UnsupportedOperation as e:
    print(type(e).__name__, e, isinstance(e, OSError), isinstance(e, ValueError))
for name in ("seek", "truncate", "tell"):
    try:
        getattr(Chunks(b""), name)()
    except (io.UnsupportedOperation, TypeError) as e:
        print(name, type(e).__name__, e)

br = io.BufferedReader(Chunks(b"first line\nsecond line\nthird"), buffer_size=4)
print(br.peek(1)[:1], br.read(3), br.readline(), br.read1(2))
print(br.readline(3), br.readline(), br.read(), br.read())
print(br.readable(), br.closed, type(br.raw).__name__)
br.close()
print(br.closed)
try:
    br.read()
except ValueError as e:
    print(type(e).__name__, e)
br = io.BufferedReader(Chunks(b"xyz" * 5))
buf = bytearray(7)
print(br.readinto(buf), buf, list(br))
raw2 = Chunks(b"detach me")
br = io.BufferedReader(raw2)
print(br.detach() is raw2)
try:
    br.read()
except ValueError as e:
    print(type(e).__name__, e)
try:
    io.BufferedReader(Chunks(b""), buffer_size=0)
except ValueError as e:
    print(type(e).__name__, e)


class NotReadable(io.RawIOBase):
    pass


try:
    io.BufferedReader(NotReadable())
except io.UnsupportedOperation as e:
    print(type(e).__name__, e)


class Collect(io.BufferedIOBase):
    def __init__(self):
        self.parts = []
        self.flushed = 0

    def writable(self):
        return True

    def write(self, b):
        self.parts.append(bytes(b))
        return len(b)

    def flush(self):
        self.flushed += 1
        super().flush()


c = Collect()
with c:
    c.writelines([b"a", b"b", b"c"])
    print(c.parts, c.writable(), c.closed)
print(c.closed, c.flushed)
try:
    c.flush()
except ValueError as e:
    print(type(e).__name__, e)
try:
    c.writelines([b"x"])
except ValueError as e:
    print(type(e).__name__, e)
try:
    Collect().read()
except io.UnsupportedOperation as e:
    print(type(e).__name__, e)
try:
    Collect().detach()
except io.UnsupportedOperation as e:
    print(type(e).__name__, e)


class Upper(io.TextIOBase):
    def __init__(self, text):
        self.lines = text.splitlines(keepends=True)

    def readline(self, size=-1):
        return self.lines.pop(0).upper() if self.lines else ""


u = Upper("x\ny\nz")
print(list(u), u.encoding, u.newlines, u.errors)
try:
    Upper("").read()
except io.UnsupportedOperation as e:
    print(type(e).__name__, e)
print(isinstance(u, io.IOBase), isinstance(c, io.BufferedIOBase), issubclass(Chunks, io.RawIOBase))
