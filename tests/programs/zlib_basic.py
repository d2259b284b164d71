# zlib one-shot functions: compressed bytes are zlib's own at every level and container,
# round trips, checksums, constants and CPython's error messages.
import zlib


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", r)


def digest(b):
    return (len(b), zlib.crc32(b), b[:12].hex())


samples = [
    b"",
    b"a",
    b"hello world",
    b"abc" * 1000,
    bytes(range(256)) * 40,
    " ".join(str(i * i % 997) for i in range(5000)).encode(),
    bytes((i * 7919 + (i >> 3) * 31) % 251 for i in range(20000)),
]

for i, data in enumerate(samples):
    for level in (-1, 0, 1, 2, 5, 6, 9):
        c = zlib.compress(data, level)
        assert zlib.decompress(c) == data
        print(i, level, digest(c))
    for wbits in (9, 12, 15, -9, -15, 25, 31):
        c = zlib.compress(data, 6, wbits)
        assert zlib.decompress(c, wbits) == data
        print(i, "wbits", wbits, digest(c))
    print(i, "auto", zlib.decompress(zlib.compress(data, wbits=31), 47) == data,
          zlib.decompress(zlib.compress(data), 32 + 15) == data)

big = bytes(range(251)) * 400 + bytes(range(0, 256, 3)) * 1000
for level in (0, 1, 9):
    c = zlib.compress(big, level)
    print("big", level, digest(c), zlib.decompress(c, bufsize=1) == big)

print(zlib.compress(b"x", wbits=8).hex())
print(zlib.decompress(zlib.compress(b"a" * 100), 0) == b"a" * 100)
print(zlib.decompress(zlib.compress(b"hello") + b"junk"))

for data in (b"", b"a", b"abc", b"x" * 20, bytes(range(256)) * 100):
    print("crc", zlib.crc32(data), zlib.crc32(data, 12345), zlib.crc32(data, -1))
    print("adler", zlib.adler32(data), zlib.adler32(data, 99999), zlib.adler32(data, 0xFFFFFFFF))
print(zlib.crc32(b"world", zlib.crc32(b"hello ")) == zlib.crc32(b"hello world"))
print(zlib.adler32(b"world", zlib.adler32(b"hello ")) == zlib.adler32(b"hello world"))
print(zlib.crc32(bytearray(b"abc")), zlib.adler32(memoryview(b"abc")))

print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.DEF_BUF_SIZE)
print(zlib.Z_NO_COMPRESSION, zlib.Z_BEST_SPEED, zlib.Z_BEST_COMPRESSION, zlib.Z_DEFAULT_COMPRESSION)
print(zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED, zlib.Z_DEFAULT_STRATEGY)
print(zlib.Z_NO_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH,
      zlib.Z_FINISH, zlib.Z_BLOCK, zlib.Z_TREES)
print(isinstance(zlib.ZLIB_VERSION, str), isinstance(zlib.ZLIB_RUNTIME_VERSION, str))
print(zlib.error.__name__, zlib.error.__module__, zlib.error.__mro__[1].__name__)

show("level 10", lambda: zlib.compress(b"x", 10))
show("level -2", lambda: zlib.compress(b"x", -2))
show("wbits -8", lambda: zlib.compress(b"x", wbits=-8))
show("wbits 24", lambda: zlib.compress(b"x", wbits=24))
show("wbits 16", lambda: zlib.compress(b"x", wbits=16))
show("level float", lambda: zlib.compress(b"x", 1.5))
show("level huge", lambda: zlib.compress(b"x", 2 ** 40))
show("str data", lambda: zlib.compress("abc"))
show("no data", lambda: zlib.compress())
show("bad header", lambda: zlib.decompress(b"xyz"))
show("one byte", lambda: zlib.decompress(b"x"))
show("empty", lambda: zlib.decompress(b""))
show("truncated", lambda: zlib.decompress(zlib.compress(b"hello")[:-2]))
show("bad check", lambda: zlib.decompress(zlib.compress(b"hello")[:-1] + b"\0"))
show("wbits 7", lambda: zlib.decompress(b"x", 7))
show("wbits 48", lambda: zlib.decompress(b"x", 48))
show("small window", lambda: zlib.decompress(zlib.compress(b"a" * 100), 9))
show("raw as zlib", lambda: zlib.decompress(zlib.compress(b"a" * 100, wbits=-15)))
show("gzip as zlib", lambda: zlib.decompress(zlib.compress(b"a" * 100, wbits=31)))
show("zlib as gzip", lambda: zlib.decompress(zlib.compress(b"a" * 100), 31))
show("bufsize", lambda: zlib.decompress(b"abc", bufsize=-1))
show("crc str", lambda: zlib.crc32("abc"))
show("crc kw", lambda: zlib.crc32(b"abc", value=1))
show("adler args", lambda: zlib.adler32())
show("need dict", lambda: zlib.decompress(zlib.compressobj(zdict=b"hello").compress(b"hello") + b""))
show("window 8", lambda: zlib.decompress(zlib.compress(b"a" * 100, wbits=9), 8))
show("window 8 auto", lambda: zlib.decompress(zlib.compress(b"a" * 100, wbits=9), 40))
show("window 8 gzip", lambda: len(zlib.decompress(zlib.compress(b"a" * 100, wbits=31), 40)))
d = zlib.decompressobj(8)
show("window 8 stream", lambda: [d.decompress(b) for b in (b"\x18", b"\x95", b"\x4b")])
