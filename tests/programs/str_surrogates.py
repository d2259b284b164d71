# Strs holding lone surrogates: literals, chr, len, indexing, slicing, ord, comparison,
# hashing, concatenation, join, f-strings, repr and ascii.
s = "\ud800"
print(len(s), repr(s), ascii(s), ord(s))
t = chr(0xdc80)
print(repr(t), t == "\udc80", hash(t) == hash("\udc80"), t != "\udc80")
u = "a\ud800b\U0001F600\udfff"
print(repr(u), ascii(u), len(u), [ord(c) for c in u])
print(repr(u[1]), repr(u[1:3]), repr(u[::-1]), repr(u[-1]), repr(u[5:]))
try:
    u[9]
except IndexError as e:
    print(type(e).__name__, e)
# U+D800 sorts below U+E000 and above U+D7FF; a high and a low surrogate stay two characters.
print("\ud800" < "\ue000", "\ud7ff" < "\ud800", "\udfff" < "\U00010000")
print(ascii(sorted(["\ue000", "\ud800", "z", "\U00010000", "\ud7ff"])))
print("\ud800\udc00" == "\U00010000", len("\ud800\udc00"), ascii("\ud83d\ude00"))
print(repr("x" + s + "y"), repr("-".join(["a", s, "b"])), repr(s.join("ab")), repr(s * 3))
x = f"<{s}>"
print(repr(x), repr(f"{s!r}"), repr(f"{s!a}"), repr(f"{s}{s}"))
d = {s: 1, "\udc80": 2}
print(d["\ud800"], d[chr(0xdc80)], s in d, "\ud800" in u, "\ud801" in u, "b" in u)
print(len({s, chr(0xd800), "\ud800", "\udc00"}), str(s) == s, bool(s), bool(s[1:]))
print(repr("\\ud800"), repr("\ud800\ufffd"), repr(r"\ud800"), repr("\N{EM DASH}\udc00" "\u2012"))
print(ascii(list("\udc00x")), ascii(("\ud800", 1)), ascii(s.encode("utf-8", "surrogatepass")))
print(repr('it\'s\ud800'), repr('"q"\ud800'), repr('\'"\ud800'))


def f():
    "doc\udcff"


print(repr(f.__doc__))
try:
    print(s)
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    print("ok", "a\ud800\udfffz")
except UnicodeEncodeError as e:
    print(type(e).__name__, e, e.start, e.end)
