# str and bytes methods: wrong receivers, argument-count and keyword errors, and the bytes
# methods that take tuples, generators and str-to-bytes conversions.


class S(str):
    pass


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


show("upper desc", lambda: str.upper(5))
show("upper unbound", lambda: str.upper())
show("upper subclass", lambda: str.upper(S("ab")))
show("split desc", lambda: str.split(b"a b"))
show("bytes upper desc", lambda: bytes.upper("x"))
show("bytes decode desc", lambda: bytes.decode("x"))
show("bytes upper arity", lambda: b"x".upper(1))
show("bytes replace kw", lambda: b"aa".replace(b"a", b"b", count=1))
show("split arity", lambda: "a b".split(" ", 1, 2))
show("find arity", lambda: "abc".find())
show("find kw", lambda: "abc".find("a", start=1))
show("count arity", lambda: b"abc".count(b"a", 0, 1, 2))
show("strip kw", lambda: "abc".strip(chars="a"))
show("strip bad", lambda: "abc".strip(1))
show("center arity", lambda: "abc".center())
show("zfill arity", lambda: "abc".zfill())
show("removeprefix None", lambda: "abc".removeprefix(None))
show("replace None", lambda: "abc".replace("a", None))
show("encode arity", lambda: "abc".encode("utf-8", "strict", 1))
show("hex arity", lambda: b"ab".hex(":", 1, 2))
show("qualname", lambda: (str.split.__qualname__, bytes.join.__qualname__))
show("bytes join tuple", lambda: b"-".join((b"a", b"b")))
show("bytes join gen", lambda: b"-".join(x for x in [b"a", b"b"]))
show("bytes join str", lambda: b"-".join(["a"]))
show("bytes startswith tuple", lambda: b"hello".startswith((b"x", b"he")))
show("bytes split kw", lambda: b"a,b,c".split(sep=b",", maxsplit=1))
show("bytes count str", lambda: b"abc".count("a"))
show("fromhex", lambda: (bytes.fromhex("61 62"), b"".fromhex("63")))
show("fromhex type", lambda: bytes.fromhex(1))
show("bytes(str)", lambda: bytes("abc"))
show("bytes(str, latin-1)", lambda: bytes("h\xe9", "latin-1"))
show("bytes(str, ascii)", lambda: bytes("h\xe9", "ascii"))
show("str(bytes, utf-8)", lambda: str(b"h\xc3\xa9", "utf-8"))
show("str(bytes, latin-1)", lambda: str(b"h\xe9", encoding="latin-1"))
for data in [b"\xe2\x82", b"\xe9ab", b"\xff", b"a\xe2\x82z", b"ab\xe9"]:
    show("decode", lambda: data.decode())
show("str(bad bytes)", lambda: str(b"\xff", "utf-8"))
