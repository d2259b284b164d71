# The binary layer of the standard streams: sys.stdout.buffer writes bytes in order with
# print's text once that is flushed (CPython buffers text apart); sys.stdin.buffer reads bytes (at end of file here).
import sys
print("text first")
sys.stdout.flush()
sys.stdout.buffer.write("héllo, bytes\n".encode())
sys.stdout.buffer.flush()
print(sys.stdout.buffer is sys.stdout.buffer, sys.stdout.buffer.writable(), sys.stdout.buffer.readable())
print(sys.stdin.buffer.readable(), sys.stdin.buffer.writable(), sys.stdout.buffer.fileno(), sys.stderr.buffer.fileno())
print(repr(sys.stdin.buffer.readline()), repr(sys.stdin.buffer.read()), repr(sys.stdin.buffer.read(5)))
try:
    sys.stdout.buffer.write("not bytes")
except TypeError as e:
    print(e)
sys.stdout.flush()
n = sys.stdout.buffer.write(bytearray(b"from a bytearray\n"))
sys.stdout.buffer.write(memoryview(b"from a memoryview\n"))
sys.stdout.flush()
print(n)
