# In-memory streams as application code uses them: newline modes, readline limits, seek/tell,
# buffered readers and writers over BytesIO, TextIOWrapper encodings, readinto any buffer.
import io, sys
s = io.StringIO("a\r\nb\rc\nd", newline=None); print(repr(s.read()), s.newlines)
s = io.StringIO("a\r\nb\n", newline=""); print(s.readlines())
s = io.StringIO(newline="\r\n"); s.write("x\ny\n"); print(repr(s.getvalue()))
s = io.StringIO("hello\nworld\n"); print(repr(s.readline(3)), repr(s.readline()), s.tell(), repr(s.read(2)), s.seek(0, 2), s.read(), s.closed)
s.close(); 
try: s.read()
except ValueError as e: print(e)
b = io.BytesIO(b"line1\nline2\nline3"); print(b.readline(), list(b), b.tell(), b.seek(-3, 2), b.read(), b.seek(100), b.read(), b.truncate(4), b.getvalue())
br = io.BufferedReader(io.BytesIO(b"abcdef"), buffer_size=2); print(br.read(3), br.peek(1)[:1], br.read(), br.raw.closed)
tw = io.TextIOWrapper(io.BytesIO("é\r\nx".encode("latin-1")), encoding="latin-1"); print(repr(tw.read()), tw.encoding, tw.newlines)
tw = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", line_buffering=True); print(tw.write("héllo\n"), tw.buffer.getvalue(), tw.line_buffering)
bw = io.BufferedWriter(io.BytesIO()); bw.write(b"xy"); bw.flush(); print(bw.raw.getvalue())
print(io.DEFAULT_BUFFER_SIZE, io.SEEK_END, isinstance(sys.stdout, io.TextIOBase), sys.stdout.writable())
n = sys.stdout.write("written\n"); print(n)
print("a", "b", sep="-", end="!\n"); print(*range(3), sep=", "); print(file=sys.stdout); print("flush", flush=True)
sys.stdout.buffer.write(b"raw bytes\n"); sys.stdout.flush()
print(repr(io.StringIO().getvalue()), io.BytesIO(b"abc").getbuffer()[1], bytes(io.BytesIO(b"xyz").getbuffer()[1:]), io.BytesIO(b"a").readable())
with io.StringIO() as f:
    print("inside", file=f); v = f.getvalue()
print(repr(v), f.closed)
try: io.StringIO(5)
except TypeError as e: print(e)
class Up(io.TextIOBase):
    def __init__(s): s.buf = []
    def write(s, t): s.buf.append(t.upper()); return len(t)
u = Up(); print("hi", "there", file=u); print(u.buf)
r = io.BytesIO(b"0123456789"); mv = memoryview(bytearray(4)); print(r.readinto(mv), bytes(mv), r.read1(2), r.readable(), r.seekable())
