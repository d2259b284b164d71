tests = ["abc", "a\tb\nc\\d'\"", "é€😀\x00\x7f", "\\u1234 raw"]
for t in tests:
    for codec in ["unicode_escape", "raw_unicode_escape"]:
        e = t.encode(codec)
        print(codec, e, e.decode(codec) == t)
for b in [b"\\x41\\101\\u00e9\\U0001F600\\n", b"\\\\u1234", b"\\\\\\u1234", b"\\x4", b"\\u12", b"\\U0011ffff", b"end\\"]:
    for codec in ["unicode_escape", "raw_unicode_escape"]:
        try:
            print(codec, repr(b.decode(codec)))
        except UnicodeDecodeError as e:
            print(codec, "UnicodeDecodeError", e)
