# bytes methods over a few inputs: search, split/join, strip, case, predicates, hex, decode.
samples = [b"", b"abc", b"Hello, World", b"  padded\t\n", b"a,b,,c", b"\x00\xff\x7f", b"MiXeD 123"]
for b in samples:
    print(repr(b), len(b), b.upper(), b.lower(), b.title(), b.swapcase(), b.strip(), b.split(),
          b.split(b","), b.find(b"l"), b.rfind(b"l"), b.count(b"a"), b.startswith(b"H"),
          b.endswith(b"c"), b.isalpha(), b.isdigit(), b.isspace(), b.isalnum(), b.islower(),
          b.isupper(), b.hex(), b.replace(b"a", b"A"), b.partition(b","), b[::-1], list(b[:3]))
print(b"-".join([b"x", b"y"]), b"ab" * 3, b"a" in b"cat", 97 in b"cat", b"abc" < b"abd", bytes(2))
print(b"caf\xc3\xa9".decode("utf-8"), "naïve".encode("utf-8"), "x".encode("ascii"))
print(bytes.fromhex("de ad be ef"), b"\xde\xad".hex(), b"abc".center(7, b"*"), b"7".zfill(3))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError:", e)
