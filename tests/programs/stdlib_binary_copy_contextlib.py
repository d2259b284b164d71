import array, base64, binascii, struct, copy, contextlib, io, sys
a = array.array("i", [1, 2, 3]); a.append(4); a.extend([5]); a.insert(0, 0); print(a, a.tobytes()[:8], a.itemsize, a.typecode, a[1:3], a.index(3), a.count(2))
b = array.array("d", (1.5, 2.5)); b.byteswap(); b.byteswap(); print(b, b.tolist(), sum(b), array.array("u", "hé"), array.array("b", b"\x01\xff"))
try: array.array("B", [256])
except OverflowError as e: print(type(e).__name__, e)
try: array.array("q", [1]) + array.array("d", [1.0])
except TypeError as e: print(type(e).__name__, e)
c = array.array("H"); c.frombytes(b"\x01\x00\x02\x00"); print(c, c == array.array("H", [1, 2]), c < array.array("H", [1, 3]), repr(array.array("f")), array.typecodes)
for fn in ("b64encode", "b32encode", "b32hexencode", "b16encode", "b85encode", "a85encode", "urlsafe_b64encode"):
    e = getattr(base64, fn)(b"hello world\xff\xfe"); print(fn, e)
print(base64.a85encode(b"\0\0\0\0 test", foldspaces=True, adobe=True, wrapcol=10), base64.b85decode(b"Xk~0{Zy-K0"), base64.a85decode(b"<~87cURD]i,\"Ebo80~>", adobe=True))
print(base64.b64decode("aGVsbG8=\n"), base64.b32decode("NBSWY3DP"), base64.b32decode("nbswy3dp", casefold=True), base64.b16decode("6869"))
for bad in [lambda: base64.b64decode("abc", validate=True), lambda: base64.b32decode("AB"), lambda: base64.b85decode(b"~~~~~"), lambda: base64.b16decode("6g")]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
print(base64.encodebytes(b"x" * 60), base64.standard_b64encode(b"\xfb\xff"), base64.b64encode(b"\xfb\xff", altchars=b"-_"))
print(binascii.crc32(b"hello"), binascii.crc32(b" world", binascii.crc32(b"hello")), binascii.hexlify(b"\x01\x02\x03\x04", "-"), binascii.hexlify(b"\x01\x02\x03\x04\x05", b":", 2), binascii.hexlify(b"\x01\x02\x03", "-", -1))
print(bytes.fromhex("de ad be ef").hex(":", 2), binascii.unhexlify("abcd"), binascii.crc_hqx(b"abc", 0), binascii.b2a_base64(b"hi", newline=False), binascii.a2b_base64(b"aGk="))
try: binascii.unhexlify("abc")
except binascii.Error as e: print(type(e).__name__, e)
print(struct.pack(">hHiIqQ?e", -1, 65535, -2, 3, -4, 5, True, 1.5), struct.calcsize("@bHi"), struct.calcsize("=bHi"), struct.calcsize("3s2xP"), struct.unpack("<2s3x", b"ab\0\0\0"))
print(struct.pack("5p", b"abcdefg"), struct.unpack("!f", struct.pack("!f", 0.1)), list(struct.iter_unpack("<H", b"\x01\x00\x02\x00")), struct.pack("<n", -3) if False else "", struct.pack("c", b"x"))
for bad in [lambda: struct.pack("b", 200), lambda: struct.pack("i", 1.5), lambda: struct.unpack("i", b"12"), lambda: struct.calcsize("z"), lambda: struct.pack("3s"), lambda: struct.pack(">H", -1)]:
    try: bad()
    except struct.error as e: print(type(e).__name__, e)
class Node:
    def __init__(self, v): self.v = v; self.kids = []; self.parent = None
r = Node(1); k = Node(2); k.parent = r; r.kids.append(k); r2 = copy.deepcopy(r); print(r2.kids[0].parent is r2, r2 is not r, r2.kids[0].v)
class CC:
    def __init__(self): self.log = []
    def __copy__(self): n = CC(); n.log = ["copied"]; return n
    def __deepcopy__(self, memo): n = CC(); n.log = ["deep", len(memo) > 0]; return n
print(copy.copy(CC()).log, copy.deepcopy(CC()).log, copy.deepcopy([CC()])[0].log)
l = [1, [2, 3]]; l.append(l); m = copy.deepcopy(l); print(m[2] is m, m[1] is not l[1])
memo = {}; x = [1]; y = copy.deepcopy([x, x], memo); print(y[0] is y[1], id(x) in memo)
print(copy.copy((1, [2])) , copy.deepcopy(frozenset({1})), copy.replace if hasattr(copy, "replace") else None)
with contextlib.ExitStack() as st:
    st.callback(print, "cb1"); st.enter_context(contextlib.nullcontext()); st.push(lambda *a: print("push", a[0].__name__ if a[0] else None))
    st.callback(print, "cb2")
with contextlib.suppress(KeyError, IndexError): [][1]
print("after suppress")
buf = io.StringIO()
with contextlib.redirect_stdout(buf): print("captured")
print(repr(buf.getvalue()))
@contextlib.contextmanager
def cm(tag):
    print("enter", tag)
    try: yield tag
    except ValueError as e: print("caught in cm", e)
    finally: print("exit", tag)
with cm("a") as t: print("body", t)
with cm("b"): raise ValueError("boom")
try:
    with cm("c"): raise KeyError("k")
except KeyError as e: print("outer", e)
@contextlib.contextmanager
def bad():
    yield 1; yield 2
try:
    with bad(): pass
except RuntimeError as e: print(type(e).__name__, e)
class R(contextlib.ContextDecorator):
    def __enter__(self): print("R in"); return self
    def __exit__(self, *a): print("R out"); return False
@R()
def dec(): print("decorated")
dec()
st = contextlib.ExitStack(); st.callback(print, "later"); st2 = st.pop_all(); st.close(); print("closed first"); st2.close()
@contextlib.asynccontextmanager
async def acm():
    print("aenter"); yield 5; print("aexit")
async def main():
    async with acm() as v: print("av", v)
    async with contextlib.AsyncExitStack() as s:
        s.push_async_callback(noop); print("in aes")
async def noop(): print("noop")
try: main().send(None)
except StopIteration: print("done")
with contextlib.closing(io.StringIO("x")) as f: print(f.read())
print(f.closed)
