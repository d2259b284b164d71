# surrogateescape and surrogatepass, and strict errors for strs holding lone surrogates.
import codecs
import os

b = b"ab\xff\xfe".decode("utf-8", "surrogateescape")
print(ascii(b), b.encode("utf-8", "surrogateescape"), len(b))
print("\ud800\udc00".encode("utf-8", "surrogatepass"))
print(ascii(b"\xed\xa0\x80x".decode("utf-8", "surrogatepass")))
print(ascii(str(b"\xff", "utf-8", "surrogateescape")))
print(ascii(b"\xff\x80a".decode("ascii", "surrogateescape")))
print(ascii(os.fsdecode(b"caf\xe9")), os.fsencode("caf\udce9"))
print(codecs.utf_8_encode("\udcff", "surrogateescape"), ascii(codecs.utf_8_decode(b"\xff", "surrogateescape")))
s = "\ud800"
for e in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace",
          "surrogateescape", "surrogatepass"]:
    for enc in ["utf-8", "ascii", "latin-1"]:
        try:
            print(e, enc, ("a" + s + "\xe9b").encode(enc, e))
        except UnicodeEncodeError as exc:
            print(e, enc, type(exc).__name__, exc, exc.start, exc.end, exc.reason)
try:
    "\ud800\udc00x".encode()
except UnicodeEncodeError as exc:
    print(type(exc).__name__, exc, ascii(exc.object))
try:
    "x\udc80".encode("utf-8", "surrogatepass").decode("utf-8")
except UnicodeDecodeError as exc:
    print(type(exc).__name__, exc)
for data in [b"\xff", b"\x80abc", b"\xed\xa0"]:
    try:
        data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError as exc:
        print(type(exc).__name__, exc)
try:
    b"a\x00\xff".decode("ascii", "surrogateescape").encode("ascii")
except UnicodeEncodeError as exc:
    print(type(exc).__name__, exc)
e = UnicodeEncodeError("utf-8", "\ud800x", 0, 1, "surrogates not allowed")
print(e, ascii(e.object))
for text in ["\udc80\ud800", "\udc80\udcff", "\ud800\udfff"]:
    for e in ["surrogateescape", "surrogatepass"]:
        try:
            print(e, text.encode("utf-8", e))
        except UnicodeEncodeError as exc:
            print(e, type(exc).__name__, exc)
