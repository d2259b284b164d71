# io.TextIOWrapper over BytesIO: encodings, errors, newline modes, buffering, detach.
import io

raw = "caf\u00e9 line one\r\nline two\rline three\nlast"
for nl in (None, "", "\n", "\r", "\r\n"):
    t = io.TextIOWrapper(io.BytesIO(raw.encode("utf-8")), encoding="utf-8", newline=nl)
    print(repr(nl), [l for l in t], repr(t.newlines))

t = io.TextIOWrapper(io.BytesIO(raw.encode("utf-8")), encoding="utf-8")
print(repr(t.read(4)), repr(t.readline()), repr(t.readline(4)), repr(t.read()))
print(t.encoding, t.errors, t.line_buffering, t.write_through, t.readable(), t.seekable())
print(repr(t), t.newlines)

b = io.BytesIO()
w = io.TextIOWrapper(b, encoding="latin-1", newline="\r\n")
print(w.write("a\u00e9\nb\n"), repr(b.getvalue()))
w.flush()
print(repr(b.getvalue()))
w.writelines(["x\n", "y"])
print(w.tell(), repr(b.getvalue()))
w.seek(0)
print(repr(w.read()))
print(w.seek(0, 2), repr(w.read()))
try:
    w.seek(3, 1)
except io.UnsupportedOperation as e:
    print(type(e).__name__, e)
try:
    w.write(b"bytes")
except TypeError as e:
    print(type(e).__name__, e)
try:
    w.write("\u20ac")
except UnicodeEncodeError as e:
    print(type(e).__name__, e.reason, e.start)
w2 = io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors="replace")
w2.write("\u00e9t\u00e9")
print(w2.detach().getvalue())
try:
    w2.read()
except ValueError as e:
    print(type(e).__name__, e)

lb = io.BytesIO()
t = io.TextIOWrapper(lb, encoding="utf-8", line_buffering=True)
t.write("no newline")
print(repr(lb.getvalue()))
t.write(" then\n")
print(repr(lb.getvalue()))
wt = io.BytesIO()
t2 = io.TextIOWrapper(wt, encoding="utf-16-le", write_through=True)
t2.write("hi")
print(wt.getvalue())

bad = io.TextIOWrapper(io.BytesIO(b"ok \xff\xfe end"), encoding="utf-8", errors="strict")
try:
    bad.read()
except UnicodeDecodeError as e:
    print(type(e).__name__, e.reason)
lenient = io.TextIOWrapper(io.BytesIO(b"ok \xff end"), encoding="utf-8", errors="replace")
print(repr(lenient.read()))
print(repr(io.TextIOWrapper(io.BytesIO(b"\xef\xbb\xbfbom"), encoding="utf-8-sig").read()))
print(repr(io.TextIOWrapper(io.BytesIO("h\u00e9".encode("utf-16")), encoding="utf-16").read()))

for bad_args in ({"newline": "x"}, {"encoding": "no-such-codec"}, {"encoding": "hex"}, {"errors": 1}):
    try:
        io.TextIOWrapper(io.BytesIO(), **bad_args)
    except (ValueError, LookupError, TypeError) as e:
        print(type(e).__name__, e)

t = io.TextIOWrapper(io.BytesIO(b"a\nb\n"), encoding="utf-8")
with t:
    print(t.readlines(), t.closed)
print(t.closed)
try:
    t.read()
except ValueError as e:
    print(type(e).__name__, e)
big = "".join(f"row {i}\r\n" for i in range(3000))
t = io.TextIOWrapper(io.BytesIO(big.encode()), encoding="utf-8")
lines = t.readlines()
print(len(lines), lines[-1], repr(t.newlines), isinstance(t, io.TextIOBase))
import gzip
packed = gzip.compress("h\u00e9llo\nw\u00f6rld\n".encode("utf-8"), mtime=0)
with gzip.open(io.BytesIO(packed), "rt", encoding="utf-8") as g:
    print(type(g).__name__, [line.rstrip("\n") for line in g])
out = io.BytesIO()
with gzip.open(out, "wt", encoding="utf-8", newline="\r\n") as g:
    g.write("one\ntwo\n")
print(gzip.decompress(out.getvalue()))
