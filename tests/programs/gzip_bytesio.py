# gzip over BytesIO: compress/decompress, GzipFile reading and writing, errors.
import gzip, io, zlib
data = b"hello world " * 50
c = gzip.compress(data, mtime=0)
print(len(c), c[:10].hex(), gzip.decompress(c) == data)
print(gzip.compress(b"", mtime=0).hex())
print(gzip.compress(data, compresslevel=1, mtime=0).hex()[:40])
bio = io.BytesIO()
with gzip.GzipFile(fileobj=bio, mode="wb", mtime=0, filename="x.txt") as f:
    f.write(b"line1\n")
    f.write(b"line2\n")
    print(f.tell(), f.mode == gzip.WRITE, f.name)
raw = bio.getvalue()
print(raw.hex())
with gzip.GzipFile(fileobj=io.BytesIO(raw)) as f:
    print(f.readline(), f.read(), f.tell())
with gzip.GzipFile(fileobj=io.BytesIO(raw)) as f:
    print(list(f))
    f.seek(2)
    print(f.read(3), f.peek(1)[:1])
print(gzip.decompress(raw + raw))
try:
    gzip.decompress(b"not gzip data")
except gzip.BadGzipFile as e:
    print(type(e).__name__, e)
try:
    gzip.decompress(raw[:-4])
except EOFError as e:
    print(type(e).__name__, e)
bad = bytearray(raw); bad[-8] ^= 1
try:
    gzip.decompress(bytes(bad))
except gzip.BadGzipFile as e:
    print(type(e).__name__, e)
big = bytes(range(256)) * 200
with gzip.GzipFile(fileobj=io.BytesIO(gzip.compress(big, mtime=0))) as f:
    print(f.read(10).hex(), len(f.read1(100)) > 0, f.tell())
    print(len(f.read()) + f.tell() - len(big), f.read(), f.readable(), f.writable())
    f.seek(1000)
    print(f.read(3), f.tell())
print(f.closed)
try:
    f.read()
except ValueError as e:
    print(type(e).__name__, e)
d = zlib.decompressobj(16 + zlib.MAX_WBITS)
print(d.decompress(raw), d.eof)
