# The repr of an exception of a native module's class names the class alone, as CPython's
# BaseException.__repr__ does (its type name in messages keeps the module).
import struct, binascii, zlib, queue, _queue
print(repr(struct.error('x')), repr(binascii.Error('y')), repr(zlib.error()), repr(queue.Empty()), repr(_queue.Empty()))
print(_queue.Empty.__name__, _queue.Empty.__qualname__, struct.error.__name__)
import struct
try:
    struct.pack("i")
except struct.error as e:
    print(repr(e), type(e))
