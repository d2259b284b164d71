# bytearray: construction, sequence protocol, comparisons, shared bytes methods.

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


show("empty", lambda: bytearray())
show("int", lambda: bytearray(3))
show("iterable", lambda: bytearray([1, 2, 255]))
show("range", lambda: bytearray(range(65, 70)))
show("bytes", lambda: bytearray(b"abc"))
show("bytearray", lambda: bytearray(bytearray(b"xy")))
show("memoryview", lambda: bytearray(memoryview(b"mv")))
show("str enc", lambda: bytearray("h\xe9", "utf-8"))
show("str kw", lambda: bytearray("hi", encoding="ascii"))
show("str no enc", lambda: bytearray("hi"))
show("enc no str", lambda: bytearray(b"x", "ascii"))
show("neg", lambda: bytearray(-1))
show("float", lambda: bytearray(1.5))
show("big item", lambda: bytearray([256]))
show("str item", lambda: bytearray(["a"]))
show("none", lambda: bytearray(None))
show("too many", lambda: bytearray(b"", "a", "b", "c"))

b = bytearray(b"hello")
print(len(b), b[0], b[-1], b[1:3], b[::-1], b[::2])
show("index err", lambda: b[10])
show("index type", lambda: b["x"])
print(list(b), type(iter(b)).__name__, 104 in b, b"ell" in b, bytearray(b"lo") in b, 7 in b)
show("in str", lambda: "h" in b)
show("in big", lambda: 300 in b)
print(str(b), repr(b), bool(bytearray()), bool(b))
show("hash", lambda: hash(b))
print(isinstance(b, bytearray), isinstance(b, bytes), type(b).__name__)

# Comparisons with bytes and each other.
print(b == b"hello", b"hello" == b, b != b"hellO", b < b"hellp", b >= bytearray(b"hello"))
print(b == "hello", b == [104])
show("lt str", lambda: b < "x")

# Concatenation and repetition.
print(b + b"!", b"<" + b, b + bytearray(b"?"), b * 2, 2 * b, b * 0, b * -1)
show("add str", lambda: b + "x")
show("add int", lambda: b + 1)
show("mul float", lambda: b * 1.5)
c = bytearray(b"ab")
d = c
c += b"cd"
print(c, d is c)
c *= 2
print(c, d is c)

# Shared bytes methods return bytearray.
x = bytearray(b"  Hello World  ")
print(x.strip(), x.lower(), x.upper(), x.split(), x.strip().split(b"o"))
print(x.find(b"o"), x.rfind(b"o"), x.count(b"l"), x.index(b"W"), x.startswith(b"  H"))
print(x.replace(b"l", b"L"), x.partition(b"o"), x.rpartition(b"o"))
print(x.strip().center(15, b"*"), x.strip().ljust(13, b"."), bytearray(b"7").zfill(3))
print(bytearray(b"a\nb\r\nc").splitlines(), bytearray(b"a\tb").expandtabs(4))
print(bytearray(b"abc").hex(), bytearray(b"abc").hex(":"), bytearray.fromhex("61 62 63"))
print(bytearray(b"caf\xc3\xa9").decode(), bytearray(b"abc").decode("ascii"))
print(bytearray(b"-").join([b"a", bytearray(b"b"), memoryview(b"c")]))
print(b"-".join([bytearray(b"a"), b"b"]), b"abc".split(bytearray(b"b")))
print(bytearray(b"abc").translate(bytes.maketrans(b"a", b"z")), bytearray.maketrans(b"a", b"b")[97])
print(bytearray(b"xxabxx").removeprefix(b"xx"), bytearray(b"title me").title())
print(bytearray(b"abc").isalpha(), bytearray(b"123").isdigit(), bytearray(b"").isascii())
show("join bad", lambda: bytearray(b"-").join([b"a", "b"]))
show("split str", lambda: bytearray(b"a b").split(" "))
show("fromhex bad", lambda: bytearray.fromhex("zz"))

# Conversions.
print(bytes(b), bytes(bytearray(b"q")) == b"q", type(bytes(b)).__name__)
print(int.from_bytes(bytearray(b"\x01\x00"), "big"), list(bytearray(b"AB")))
print(str(bytearray(b"abc"), "ascii"), bytearray(b"x").__alloc__() >= 2)
