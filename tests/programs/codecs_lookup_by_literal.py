# Codecs looked up by name without importing `encodings` or `codecs` first: CPython imports the
# codec's module on the first lookup. UTF-16/32 decoding errors name the byte order in effect.
print("h\u00e9llo".encode("cp1252"), b"\x80\xe9".decode("cp1252"))
print("\u00e9".encode("cp437"), b"\x82".decode("cp437"), "\u00e9".encode("mac_roman"))
print("\u00e9".encode("ISO-8859-15"), "\u20ac".encode("iso8859_15"), "\u00e9".encode("latin-9"))
print(b"\xc1".decode("koi8_r"), "\u00e9".encode("cp850"), "x\u00e9".encode("L1"), "x".encode("latin1"))
print(str(b"\xe9", "cp1252"), bytes("\u00e9", "cp437"), "abc".encode("UTF-16-LE"))
for name in ["cp1252", "cp437"]:
    try:
        "\u4e00".encode(name)
    except UnicodeEncodeError as e:
        print(type(e).__name__, e)
    try:
        print(ascii(b"\x81\x8d".decode(name)))
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
for bad in ["no-such-codec", "cp-437", "utf-99"]:
    try:
        "x".encode(bad)
    except LookupError as e:
        print(type(e).__name__, e)
for name in ["utf-16", "utf-32", "utf-16-be", "utf_32_le"]:
    for data in [b"abc", b"\xff\xfeab\x00", b"\xfe\xffa", b"\x00\xd8a\x00", b"\xfe\xff\xd8\x00\x00a", b"\x00\x00\xfe\xff\x00\x00\x00"]:
        try:
            print(name, ascii(data.decode(name)))
        except UnicodeDecodeError as e:
            print(name, data, e.encoding, e.start, e.end, e.reason)
import codecs

print(codecs.lookup("CP1252").name, codecs.lookup("latin_1").name, codecs.lookup("U8").name)
for f in (codecs.utf_16_ex_decode, codecs.utf_32_ex_decode):
    for data in (b"ab\x00\xd8", b"\xfe\xff\x00", b"\x00\x00\x00"):
        try:
            print(f(data, "strict", 0, True))
        except UnicodeDecodeError as e:
            print(e)
