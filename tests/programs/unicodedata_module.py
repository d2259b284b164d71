import unicodedata as ud

print(ud.unidata_version)
for ch in ["A", "é", "\u0301", "٣", "Ⅻ", "½", "一", "가", "\uac01", "€", "(", "\u200b", "😀", "\U0001fae0", "\u0378", "\uf900", "\ufb01", "₂"]:
    print(ascii(ch), ud.name(ch, None), ud.category(ch), ud.bidirectional(ch), ud.combining(ch),
          ud.east_asian_width(ch), ud.mirrored(ch), repr(ud.decomposition(ch)),
          ud.decimal(ch, None), ud.digit(ch, None), ud.numeric(ch, None))

for name in ["LATIN SMALL LETTER A", "latin small letter sharp s", "SNOWMAN", "HANGUL SYLLABLE GAG",
             "CJK UNIFIED IDEOGRAPH-4E2D", "CJK UNIFIED IDEOGRAPH-2A700", "BYTE ORDER MARK", "NBSP",
             "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE", "KEYCAP NUMBER SIGN",
             "cjk unified ideograph-4e2d", "HANGUL SYLLABLE XYZ", "NO SUCH THING", "x" * 300,
             "CJK UNIFIED IDEOGRAPH-A000", "TANGUT IDEOGRAPH-17000"]:
    try:
        print(ascii(ud.lookup(name)))
    except KeyError as e:
        print(type(e).__name__, e)
print(ascii(ud.lookup(b"GREEK SMALL LETTER ALPHA")))
print(ascii("\N{EM DASH}\N{GREEK SMALL LETTER LAMDA}\N{LINE FEED}"))

for fn, msg in [(ud.decimal, "x"), (ud.digit, "x"), (ud.numeric, "x"), (ud.name, "\x00")]:
    try:
        fn(msg)
    except ValueError as e:
        print(fn.__name__, type(e).__name__, e)
print(ud.digit("²"), ud.decimal("²", -1), ud.numeric("¾"), ud.numeric("万"), ud.numeric("𒐀", 0))
for bad in [(ud.category, "ab"), (ud.category, 5), (ud.name, ""), (ud.numeric, 1.5), (ud.lookup, 3)]:
    try:
        bad[0](bad[1])
    except TypeError as e:
        print(type(e).__name__, e)

samples = ["Amélie", "e\u0301", "ﬁne", "①②", "Å", "\u212b", "가각", "\u1100\u1161\u11a8", "x\u0323\u0307",
           "\u1e0b\u0323", "q\u0307\u0323", "Ⅻ ½ ㎏", "\u0344", "\u0958", "Straße", "\U0001d400"]
for s in samples:
    row = [ascii(ud.normalize(f, s)) for f in ("NFC", "NFD", "NFKC", "NFKD")]
    row += [ud.is_normalized(f, s) for f in ("NFC", "NFD", "NFKC", "NFKD")]
    print(ascii(s), *row)
for args in [("NFX", "a"), (1, "a"), ("NFC", 1)]:
    try:
        ud.normalize(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

words = ["café", "cafe\u0301", "CAFÉ"]
print(len({ud.normalize("NFC", w).casefold() for w in words}))
def strip_accents(s):
    return "".join(c for c in ud.normalize("NFD", s) if not ud.combining(c))
print(strip_accents("Crème Brûlée à la Ñandú"))
print(sum(1 for c in map(chr, range(0x3000)) if ud.category(c) == "Lu"))
print(sorted({ud.east_asian_width(chr(c)) for c in range(0x20, 0x3100)}))
