# io.TextIOWrapper.tell()/seek() after read-ahead: CPython's opaque cookies (decoder state + bytes to feed + chars to skip), several encodings and newline translation.
import io
data = "héllo\nwörld\nthird line\n" + "x" * 10000 + "\nend\n"
for enc in ["utf-8", "utf-16", "latin-1"]:
    f = io.TextIOWrapper(io.BytesIO(data.encode(enc)), encoding=enc)
    a = f.readline(); t = f.tell()
    b = f.readline()
    f.seek(t); print(enc, repr(f.readline()) == repr(b), t)
    f.read(3); t2 = f.tell(); print(t2)
    rest = f.read(5); f.seek(t2); print(f.read(5) == rest, repr(rest))
    f.seek(0)
    lines = []
    while True:
        pos = f.tell(); l = f.readline()
        if not l: break
        lines.append((pos, len(l)))
    print(lines)
    f.seek(lines[3][0]); print(len(f.readline()))
    f.seek(lines[1][0]); print(repr(f.read(4)), f.tell())
    f.seek(0)
    next(f)
    try: f.tell()
    except OSError as e: print(type(e).__name__, e)
    for _ in f: pass
    print(f.tell())
    print(f.seek(0, 2), repr(f.read()))
f = io.TextIOWrapper(io.BytesIO(b"a\r\nb\rc\nd"), encoding="ascii", newline=None)
out = []
while True:
    p = f.tell(); c = f.read(1)
    if not c: break
    out.append((p, c))
print(out)
for p, c in out:
    f.seek(p); assert f.read(1) == c, (p, c)
f = io.TextIOWrapper(io.BytesIO(b"abc"), encoding="ascii")
try: f.seek(-1)
except ValueError as e: print(type(e).__name__, e)
print(f.read(1), f.seek(0, 1), f.tell())
