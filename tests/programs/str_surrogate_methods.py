# str methods over strs holding lone surrogates (receiver or arguments).
s = "a\ud800 b\udc80C\ud800"
print(repr(s.upper()), repr(s.lower()), repr(s.title()), repr(s.swapcase()))
print(repr(s.casefold()), repr(s.capitalize()))
print(repr(s.split()), repr(s.split("\ud800")), repr(s.rsplit(" ", 1)))
print(repr(s.partition("\udc80")), repr(s.rpartition("\ud800")))
print(s.find("\ud800"), s.rfind("\ud800"), s.count("\ud800"), s.index(" "))
print(s.startswith(("x", "a\ud800")), s.endswith("\ud800"), "abc".find("\ud800"))
print(repr(s.replace("\ud800", "-")), repr(s.strip("a\ud800")), repr(s.lstrip("a")))
print(repr(s.center(12, "\udfff")), repr(s.zfill(10)), repr(s.ljust(9, "\ud800")))
print(s.isprintable(), s.isalpha(), "\ud800".isspace(), "\ud800".isidentifier())
print("\ud800".isupper(), "\ud800".istitle(), "\ud800".isdigit(), "\ud800".isascii())
print(repr("\ud800\n\udc00".splitlines()), repr("\ud800\n\udc00".splitlines(True)))
print(repr("x\ud800".removeprefix("x")), repr("x\ud800".removesuffix("\ud800")))
print(repr("\ud800\tz".expandtabs(4)), repr("abc".replace("b", "\udcff")))
print(repr(("\ud800" "x" "\udbff").upper()), repr("\U000f0000\ud800".lower()))
try:
    s.index("\udfff")
except ValueError as e:
    print(type(e).__name__, e)
# translate and maketrans over code points, surrogates included
print(ascii("abc".translate({97: 0xd800, 98: "\udc00\udc01", 99: None})))
print(ascii("a\ud800b".translate({0xd800: "X"})), ascii("a\ud800".translate(str.maketrans("a\ud800", "\udfffz"))))
print(str.maketrans("\ud800", "x") == {0xd800: 120}, str.maketrans("", "", "\udc80"))
