# The pure struct module over the native _struct.
import struct

print(struct.pack('<hi', 1, 2), struct.calcsize('q'), struct.Struct('>I').unpack(b'\x00\x00\x01\x00'))
print(struct.error, struct.unpack_from('>H', b'\x00\x01\x02', 1), list(struct.iter_unpack('<b', b'\x01\xff')))
print(sorted(n for n in dir(struct) if not n.startswith('_')))
try:
    struct.pack('>h', 99999)
except struct.error as e:
    print(type(e).__name__, e)
