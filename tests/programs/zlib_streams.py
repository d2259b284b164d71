# zlib's stream objects: compressobj flush modes (bytes identical to zlib), zdict,
# decompressobj with max_length / unconsumed_tail / unused_data / eof, flush, copy.
import zlib


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", r)


text = "".join("line %d: the quick brown fox jumps over the lazy dog %d\n" % (i, i * i) for i in range(800)).encode()

for level in (0, 1, 6, 9):
    for wbits in (15, -15, 31, 10):
        c = zlib.compressobj(level, zlib.DEFLATED, wbits)
        parts = []
        for i in range(0, len(text), 7000):
            parts.append(c.compress(text[i:i + 7000]))
            mode = (zlib.Z_NO_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_PARTIAL_FLUSH)[(i // 7000) % 4]
            parts.append(c.flush(mode))
        parts.append(c.flush())
        out = b"".join(parts)
        print(level, wbits, len(out), zlib.crc32(out), [len(p) for p in parts[:8]])
        assert zlib.decompress(out, wbits) == text

# Many small pieces through a level-0 stream.
c = zlib.compressobj(0)
out = b"".join(c.compress(bytes([i % 256]) * (i % 50)) for i in range(2000)) + c.flush()
print("level0 small", len(out), zlib.crc32(out))

# A preset dictionary.
zd = b"the quick brown fox jumps over the lazy dog"
c = zlib.compressobj(zdict=zd)
comp = c.compress(b"the lazy dog and the quick fox") + c.flush()
print(comp.hex())
d = zlib.decompressobj(zdict=zd)
print(d.decompress(comp), d.eof)
show("no zdict", lambda: zlib.decompressobj().decompress(comp))
show("wrong zdict", lambda: zlib.decompressobj(zdict=b"other").decompress(comp))
show("zdict type", lambda: zlib.decompressobj(zdict=5))
c = zlib.compressobj(wbits=-15, zdict=zd)
raw = c.compress(b"the lazy dog") + c.flush()
print(zlib.decompressobj(-15, zdict=zd).decompress(raw))

# max_length and unconsumed_tail.
comp = zlib.compress(text)
d = zlib.decompressobj()
got = []
chunk = d.decompress(comp, 1000)
while chunk:
    got.append(len(chunk))
    chunk = d.decompress(d.unconsumed_tail, 1000)
print(len(got), sum(got), got[:3], d.eof, d.unconsumed_tail, d.unused_data)
d = zlib.decompressobj()
first = d.decompress(comp, 5000)
print(len(first), len(d.unconsumed_tail) > 0, d.eof)
rest = d.flush()
print(first + rest == text, d.eof, d.unconsumed_tail, d.unused_data)

# Data past the end of the stream.
d = zlib.decompressobj()
print(d.decompress(zlib.compress(b"payload") + b"TRAILER"), d.unused_data, d.eof)
print(d.decompress(b"more"), d.unused_data)

# Fed a byte at a time, in each container.
for wbits, cw in ((15, 15), (-15, -15), (31, 31), (47, 31), (47, 15), (32, 15)):
    data = zlib.compress(b"byte by byte " * 20, 6, cw)
    d = zlib.decompressobj(wbits)
    out = b"".join(d.decompress(data[i:i + 1]) for i in range(len(data)))
    print(wbits, cw, out == b"byte by byte " * 20, d.eof, d.unused_data)

# Errors in the stream objects.
d = zlib.decompressobj()
show("bad stream", lambda: d.decompress(b"not zlib data"))
show("max_length", lambda: zlib.decompressobj().decompress(b"", -1))
show("flush 0", lambda: zlib.decompressobj().flush(0))
d = zlib.decompressobj()
print(d.decompress(zlib.compress(b"abc")), d.flush())
show("after end", lambda: d.decompress(zlib.compress(b"abc")))
print(d.flush())
c = zlib.compressobj()
c.compress(b"abc")
c.flush()
show("compress after finish", lambda: c.compress(b"x"))
show("flush after finish", lambda: c.flush())
show("bad mode", lambda: zlib.compressobj().flush(7))
show("no-flush", lambda: zlib.compressobj().flush(zlib.Z_NO_FLUSH))
show("level", lambda: zlib.compressobj(10))
show("method", lambda: zlib.compressobj(method=9))
show("memLevel", lambda: zlib.compressobj(memLevel=0))
show("wbits", lambda: zlib.compressobj(wbits=7))
show("strategy", lambda: zlib.compressobj(strategy=9))
show("decompressobj wbits", lambda: zlib.decompressobj(7))
show("gzip zdict", lambda: zlib.compressobj(wbits=31, zdict=b"x"))
show("readonly", lambda: setattr(zlib.decompressobj(), "eof", True))

# copy(): both halves continue independently and give the same bytes as an uncopied stream.
c = zlib.compressobj(6)
head = c.compress(text[:30000])
c2 = c.copy()
a = head + c.compress(text[30000:]) + c.flush()
b = head + c2.compress(text[30000:]) + c2.flush()
print("copy", a == b, a == zlib.compress(text), zlib.decompress(a) == text)
show("copy after finish", lambda: c.copy())
comp = zlib.compress(text)
d = zlib.decompressobj()
x = d.decompress(comp[:5000])
d2 = d.copy()
print("dcopy", x + d.decompress(comp[5000:]) == text, x + d2.decompress(comp[5000:]) == text, d2.eof)
import copy
c = zlib.compressobj()
c.compress(b"abc")
print(copy.copy(c).flush() == copy.deepcopy(c).flush() == c.flush())
print(type(c).__name__, type(d).__name__)
