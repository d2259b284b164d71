# bytes and bytearray methods are ASCII-only: 0x1c-0x1f and 0x85 are whitespace and line
# boundaries for str but not for bytes; bytes lines end only at \n, \r and \r\n.

data = [
    b"a\x1cb\x1dc\x1ed\x1fe",
    b" \x1c\x1d a \x85 \xa0 b\x0b",
    b"a\x0bb\x0cc\x1cd\re\nf\r\ng",
    b"\x1c",
    b"x\r\n\r\ny\n",
    b"",
]
for b in data:
    for kind in (bytes, bytearray):
        v = kind(b)
        print(v.split(), v.strip(), v.lstrip(), v.rstrip())
        print(v.splitlines(), v.splitlines(True), v.splitlines(keepends=True))
        print(v.isspace(), v.isascii(), v.isalnum(), v.upper(), v.title(), v.expandtabs(2))
print([s.split() for s in ("a\x1cb", "a\x85b")], "a\x1cb\x0bc".splitlines())
try:
    b"x".splitlines(1, 2)
except TypeError as e:
    print("TypeError", e)
