# bytes: literals, repr, indexing gives ints, slicing, concatenation, encode/decode.
b = b"hello"
print(b, repr(b), len(b), b[0], b[-1], b[1:3], b[::-1], type(b).__name__)
print(b + b" world", b * 2, b"ll" in b, 104 in b, b == b"hello", b < b"help")
print(b"\x00\x01\x7f\x80\xff", b"tab\tnl\n", b"quote'", b'dq"', b"both'\"", b"\\")
print(bytes([65, 66, 67]), bytes(3), list(b"AB"), bytes(range(5)))
print("caf\u00e9".encode(), b"caf\xc3\xa9".decode(), "abc".encode("utf-8"), b"x".decode("ascii"))
print(b.upper(), b.split(b"l"), b"-".join([b"a", b"b"]), b.find(b"l"), b.startswith(b"he"))
print(b.replace(b"l", b"L"), b.count(b"l"), b"  x ".strip(), b.hex())
for x in b"hi":
    print(x)
print(hash(b"") == hash(b""), bytes(b"copy"), b[0:0], bytes())
