# gzip in memory: compress/decompress (mtime fixed, so the header is deterministic),
# GzipFile over BytesIO, multi-member streams and CPython's errors.
import gzip
import io
import zlib

data = "".join("record %d,%s\n" % (i, "x" * (i % 13)) for i in range(2000)).encode()

for level in (0, 1, 6, 9):
    c = gzip.compress(data, level, mtime=0)
    print(level, len(c), zlib.crc32(c), c[:10].hex())
    assert gzip.decompress(c) == data
c = gzip.compress(b"hello", mtime=1234567890)
print(c.hex())
print(gzip.decompress(c))
print(gzip.decompress(gzip.compress(b"one", mtime=0) + gzip.compress(b"two", mtime=0)))
print(gzip.decompress(b""))

buf = io.BytesIO()
f = gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="")
for i in range(0, len(data), 3000):
    f.write(data[i:i + 3000])
f.close()
raw = buf.getvalue()
print("GzipFile", len(raw), zlib.crc32(raw), raw[:10].hex(), gzip.decompress(raw) == data)
# gzip.decompress reads what zlib's own gzip container writes, and the reverse.
print(gzip.decompress(zlib.compress(data, 9, 31)) == data)
print(zlib.decompress(gzip.compress(data, mtime=0), 31) == data)

for bad in (b"not gzip at all", gzip.compress(b"abc", mtime=0)[:-3], gzip.compress(b"abc", mtime=0)[:-1] + b"\x01"):
    try:
        gzip.decompress(bad)
    except Exception as e:
        print(type(e).__name__, e)
