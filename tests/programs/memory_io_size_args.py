# Size arguments of BytesIO and StringIO: anything with __index__, else CPython's converter's words
# (BytesIO.readlines words its hint otherwise).
import io
class N:
    def __index__(self): return 2
b = io.BytesIO(b"hello world")
print(b.read(N()), b.readline(N()), b.read(None), b.seek(0), b.read(-1))
for bad in [lambda: b.read("a"), lambda: b.readline(1.5), lambda: b.read(b"x"), lambda: io.BytesIO(b"ab").truncate("x"), lambda: io.StringIO("x").read("a"), lambda: io.StringIO("x").readline(2.0)]:
    try: print(bad())
    except TypeError as e: print(e)
for bad in [lambda: io.StringIO('x').readline('a'), lambda: io.StringIO('x').readlines('a'), lambda: io.BytesIO(b'x').readlines('a'), lambda: io.StringIO('x').truncate('a'), lambda: io.BytesIO(b'x').readlines(1.5)]:
    try: print(bad())
    except TypeError as e: print(e)
s = io.StringIO("abc\ndef\n"); print(s.readline(-1), s.read(-5), s.seek(0), s.readlines(-1), s.truncate(2), s.getvalue())
b = io.BytesIO(b"abc\ndef\n"); print(b.readline(-1), b.read(-5), b.seek(0), b.readlines(2), b.truncate(N()), b.getvalue())
