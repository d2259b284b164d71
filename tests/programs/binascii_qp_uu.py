# binascii's quoted-printable and uuencode functions, and quopri / uu-style users of them.
import binascii
import quopri
import io

samples = [
    b"",
    b"plain ascii text",
    b"caf\xc3\xa9 = cr\xc3\xa8me\n",
    b"trailing space \nand tab\t\nend ",
    b"line one\r\nline two\r\n",
    b"." + b"\n.x\n.",
    b"under_score and spaces",
    b"\x00\x01\x7f\x80\xff",
    b"a" * 100,
    b"word " * 30 + b"\n",
    b"=" * 30,
    bytes(range(0, 256, 7)),
]
for data in samples:
    enc = binascii.b2a_qp(data)
    print(enc)
    print(binascii.b2a_qp(data, quotetabs=True) == enc, binascii.b2a_qp(data, header=True))
    print(binascii.b2a_qp(data, istext=False))
    print(binascii.a2b_qp(enc) == data, binascii.a2b_qp(binascii.b2a_qp(data, header=True), header=True) == data)

for text in [b"=41=42=43", b"soft=\nbreak", b"soft=\r\nbreak", b"bad=ZZhex", b"end=", b"==3D", b"a_b", b"=4", "=C3=A9 str"]:
    print(text, binascii.a2b_qp(text), binascii.a2b_qp(text, header=True))

for data in [b"", b"a", b"ab", b"abc", b"hello world", bytes(range(45)), b"\x00\x00\x00"]:
    line = binascii.b2a_uu(data)
    print(line, binascii.b2a_uu(data, backtick=True), binascii.a2b_uu(line) == data)
print(binascii.a2b_uu(b"#86)C\n"), binascii.a2b_uu("#86)C"), binascii.a2b_uu(b"&86)C"), len(binascii.a2b_uu(b"")))
print(binascii.a2b_uu(b"#86)C   `\n"), binascii.a2b_uu(b"!`"))
for bad in [b"#86)C junk", b"#\x7f\x7f\x7f\x7f", "#86)\u00e9"]:
    try:
        binascii.a2b_uu(bad)
    except (binascii.Error, ValueError) as e:
        print(type(e).__name__, e)
try:
    binascii.b2a_uu(b"x" * 46)
except binascii.Error as e:
    print(type(e).__name__, e)
try:
    binascii.b2a_qp("text")
except TypeError as e:
    print(type(e).__name__, e)

print(quopri.encodestring(b"caf\xc3\xa9 = \tspaced\t\nnext"), quopri.decodestring(b"caf=C3=A9=20"))
out = io.BytesIO()
quopri.encode(io.BytesIO(b"tab\there\nlong " * 10), out, quotetabs=True)
print(out.getvalue())
print(quopri.decodestring(quopri.encodestring(b"x" * 200)) == b"x" * 200)
print(quopri.encodestring(b"hdr_x y", header=True), quopri.decodestring(b"hdr=5Fx_y", header=True))

# Random inputs against CPython's encoder and decoder, compared by digest.
import hashlib
import random

r = random.Random(5)
alphabet = b" \t\r\n=._aZ\x00\x7f\x80\xff"
out = []
for i in range(400):
    n = r.randrange(0, 120)
    data = bytes(r.choice(alphabet) if r.random() < 0.6 else r.randrange(256) for _ in range(n))
    for kw in ({}, {"quotetabs": True}, {"istext": False}, {"header": True}):
        e = binascii.b2a_qp(data, **kw)
        out.append(e.hex())
        out.append(binascii.a2b_qp(e, header=kw.get("header", False)).hex())
    out.append(binascii.a2b_qp(data).hex())
    if n <= 45:
        u = binascii.b2a_uu(data)
        out.append(u.hex())
        out.append(binascii.a2b_uu(u).hex())
print(hashlib.sha256("\n".join(out).encode()).hexdigest())
