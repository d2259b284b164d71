# io: CPython's io.py over the native _io; its ABCs recognise the native streams.
import io
import sys
import _io

print(io.StringIO is _io.StringIO, io.BytesIO is _io.BytesIO, io.DEFAULT_BUFFER_SIZE)
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase))
print(isinstance(io.StringIO(), io.IOBase), isinstance(sys.stdout, io.TextIOBase))
print(issubclass(io.StringIO, io.BufferedIOBase), issubclass(io.UnsupportedOperation, OSError))
print(io.UnsupportedOperation.__module__, io.UnsupportedOperation.__name__)
print(type(sys.stdout).__name__, sys.stdout.encoding)
s = io.StringIO()
s.write("via io\n")
print(repr(s.getvalue()))
try:
    io.StringIO().fileno()
except io.UnsupportedOperation as e:
    print(type(e).__name__, e)


class Lines(io.StringIO):
    def lines(self):
        return self.getvalue().splitlines()


w = Lines()
print("one", file=w)
print("two", file=w)
print(w.lines())
