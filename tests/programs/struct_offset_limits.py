# struct pack_into/unpack_from with offsets at the ends of the index range: CPython's errors, no overflow.
import struct, sys
for f in [lambda: struct.pack_into('<I', bytearray(10), sys.maxsize, 1),
          lambda: struct.unpack_from('<I', bytearray(10), sys.maxsize),
          lambda: struct.unpack_from('<I', b'x' * 10, -sys.maxsize - 1),
          lambda: struct.pack_into('<I', bytearray(10), -sys.maxsize - 1, 1),
          lambda: struct.pack_into('<I', bytearray(10), 7, 1),
          lambda: struct.Struct('<q').unpack_from(bytes(8), sys.maxsize)]:
    try:
        print(f())
    except (struct.error, OverflowError) as e:
        print(type(e).__name__, e)
