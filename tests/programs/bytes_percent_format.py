class B:
    def __bytes__(self): return b"BB"
    def __repr__(self): return "B\u00e9()"
tests = [
    (b"%d-%s-%r-%x %5.2f %c", (3, b"ab", b"q", 255, 1.5, 65)),
    (b"%s|%b|%a|%r", (B(), bytearray(b"ba"), "\u00e9", 1.5)),
    (b"%c%c", (b"x", 255)),
    (b"%(a)s and %(b)d", {b"a": b"A", b"b": 7}),
    (b"%-6s|%6s|%.2s", (b"ab", b"cd", b"efgh")),
    (b"%s", "str"),
    (b"%s", 1),
    (b"%s", (True,)),
    (b"%c", 256),
    (b"%c", b"ab"),
    (b"%c", "a"),
    (b"%d", b"1"),
    (b"%x", 1.5),
    (b"%s %s", (b"a",)),
    (b"%s", (b"a", b"b")),
    (b"%q", 1),
    (b"\xff%s\x00", b"\xfe"),
    (b"%s", memoryview(b"mv")),
    (b"abc", b"x"),
    (b"%%%s%%", b"x"),
    (b"%05d|%+d|%#x|%#o|%e", (42, 3, 255, 8, 12345.678)),
]
for fmt, args in tests:
    try:
        print(repr(fmt % args))
    except Exception as e:
        print(type(e).__name__, e)
try:
    print(bytearray(b"%s-%d") % (b"x", 2))
except Exception as e:
    print(type(e).__name__, e)
class Bad:
    def __bytes__(self): return "no"
try:
    b"%s" % Bad()
except Exception as e:
    print(type(e).__name__, e)
