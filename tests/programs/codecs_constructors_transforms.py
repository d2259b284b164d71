# Encodings reached through str()/bytes()/bytearray() constructors and bytearray.decode, the
# bytes-to-bytes and text transforms of codecs.encode/decode (hex, base64, zlib, rot13), and
# the argument errors of encode/decode.
import codecs

tests = [
    lambda: str(b'caf\xe9', 'latin-1'),
    lambda: str(b'\xff\xfea\x00', 'utf-16'),
    lambda: str(b'\xff', 'ascii', 'replace'),
    lambda: str(b'abc', encoding='utf-8-sig'),
    lambda: bytes('é', 'utf-16-le'),
    lambda: bytearray('é€', 'utf-32-be'),
    lambda: bytearray(b'\xe9').decode('latin-1'),
    lambda: bytearray(b'\xff').decode('utf-8', 'backslashreplace'),
    lambda: memoryview(b'abc').tobytes().decode('utf-16-le', 'replace'),
    lambda: b'\xe9'.decode(encoding='latin_1', errors='strict'),
    lambda: 'x'.encode(encoding='UTF-16BE'),
    lambda: codecs.decode(b'68656c6c6f', 'hex'),
    lambda: codecs.encode(b'hello', 'hex_codec'),
    lambda: codecs.encode(b'hello', 'base64'),
    lambda: codecs.decode(b'aGVsbG8=\n', 'base64'),
    lambda: codecs.decode(codecs.encode(b'hello' * 5, 'zlib'), 'zlib'),
    lambda: codecs.encode('hello', 'rot13'),
    lambda: codecs.lookup('rot13').name,
    lambda: 'hello'.encode('rot13'),
    lambda: b'hello'.decode('hex'),
    lambda: 'abc'.encode('utf-8', errors=None),
    lambda: b'abc'.decode(None),
    lambda: 'abc'.encode(5),
    lambda: codecs.encode(5, 'utf-8'),
    lambda: codecs.decode('text', 'utf-8'),
]
for t in tests:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)
