# array.array as a bytes-like argument (the buffer protocol): base64, binascii, zlib, bytes().
import array, base64, binascii, zlib
a = array.array('B', b'hello')
h = array.array('H', [1, 2, 258])
print(base64.b64encode(a), base64.b16encode(h), base64.encodebytes(a))
print(base64.decodebytes(array.array('B', b'aGVsbG8=\n')))
print(binascii.hexlify(h), binascii.crc32(a), zlib.crc32(h))
print(bytes(h), bytearray(a), b"".join([a, b"!"]))
print(zlib.decompress(zlib.compress(a)))
