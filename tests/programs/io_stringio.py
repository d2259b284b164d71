# _io.StringIO: an in-memory text stream (positions in code points, newline modes).
from _io import StringIO, UnsupportedOperation

s = StringIO()
print(s.write("hello\nworld\n"), s.tell(), s.write(""), s.write("é€"))
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(repr(s.readline()), repr(s.read(3)), repr(s.read()), repr(s.read()))
s.seek(0)
print(s.readlines())
s.seek(0)
print(s.readlines(3))
s.seek(0)
print([line for line in s])
s.seek(0)
print(repr(s.readline(2)), repr(s.readline(-1)), repr(s.readline(None)))
print(s.truncate(3), repr(s.getvalue()), s.tell())
s.seek(0, 2)
print(s.tell(), s.seek(0, 1))
s.seek(6)
s.write("x")
print(repr(s.getvalue()))
s = StringIO("abcdef")
print(s.tell(), s.read(2), s.tell())
s.write("ZZ")
print(repr(s.getvalue()), s.tell(), repr(s.read()))
print(s.truncate(), repr(s.getvalue()))
s.seek(0)
print(s.readable(), s.writable(), s.seekable(), s.isatty(), s.closed)
print(s.encoding, s.errors, s.line_buffering, s.newlines)
with StringIO("ctx") as t:
    print(t.read(), t.closed)
print(t.closed)
for op in ("read", "getvalue", "tell", "readline", "write", "seek"):
    try:
        if op == "write":
            t.write("x")
        elif op == "seek":
            t.seek(0)
        else:
            getattr(t, op)()
    except ValueError as e:
        print(op, type(e).__name__, e)
t.close()
for bad in (lambda: StringIO().write(5), lambda: StringIO(5), lambda: StringIO(b"x")):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
for bad in (lambda: StringIO().seek(1, 1), lambda: StringIO().seek(-1, 2)):
    try:
        bad()
    except OSError as e:
        print(type(e).__name__, e)
for bad in (lambda: StringIO().seek(-1), lambda: StringIO().seek(0, 3), lambda: StringIO().truncate(-1), lambda: StringIO(newline="x")):
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)
try:
    StringIO().fileno()
except UnsupportedOperation as e:
    print(type(e).__name__, e, isinstance(e, OSError), isinstance(e, ValueError))

# Newline modes.
u = StringIO("a\r\nb\rc\n", newline=None)
print(repr(u.getvalue()), u.readlines(), u.newlines)
u = StringIO(newline=None)
u.write("x\ny")
print(u.newlines)
u = StringIO(newline="")
u.write("a\r\nb\rc\nd")
u.seek(0)
print(u.readlines(), u.newlines)
u = StringIO(newline="\r\n")
u.write("a\nb\n")
print(repr(u.getvalue()))
u.seek(0)
print(u.readlines())
u = StringIO("a\nb\rc", newline="\r")
print(repr(u.getvalue()), u.readlines())
u = StringIO("a\r\nb")
print(u.readlines())


class Upper(StringIO):
    def write(self, s):
        return super().write(s.upper())


w = Upper()
print("shout", file=w)
print(repr(w.getvalue()), isinstance(w, StringIO), type(w).__name__)
w.writelines(["a", "b\n"])
print(repr(w.getvalue()))
