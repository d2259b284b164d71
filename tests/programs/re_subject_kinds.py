# What `re` accepts as the text to match: str and bytes subclasses, bytearray, memoryview and
# array (any bytes-like object), text holding lone surrogates, and the errors for the rest.
import array
import re


class S(str):
    pass


class B(bytes):
    pass


for subj in [bytearray(b"ab cd"), memoryview(b"ab cd"), B(b"ab cd"), array.array("b", b"ab cd")]:
    m = re.search(rb"(\w+) (\w+)", subj)
    print(type(subj).__name__, m.groups(), m.span(2), type(m.string).__name__, type(m.group(1)).__name__)
    print(re.findall(rb"\w", subj), re.sub(rb"\w", b"-", subj), re.subn(rb"c", b"C", subj), re.split(rb" ", subj))
    print([x.group() for x in re.finditer(rb"\w+", subj)], re.fullmatch(rb"ab cd", subj) is not None)
    print(re.sub(rb"(\w)", lambda m: bytearray(m.group(1).upper()), subj))
m = re.match(r"(\w)(\w)", S("xy"))
print(m.groups(), type(m.group(1)).__name__, re.sub("x", "z", S("xx")), re.sub("x", lambda m: S("q"), "axb"))
w = "a\ud800b\udc00c"
print(ascii(re.findall(r".", w)), ascii(re.sub("\ud800", "-", w)), re.search("b", w).span())
print(ascii(re.split("b", w)), ascii(re.sub("b", "\udfff", w)), ascii(re.sub("(b)", r"<\1>", w)))
m = re.search(r"(\ud800)(.)", w)
print(ascii(m.groups()), m.span(2), ascii(m.group()), ascii(m[1]))
print(ascii(re.fullmatch(r"[\ud800-\udfff]+", "\udc80\udcff").group()))
for bad in [1, None, [1], 2.5]:
    try:
        re.search("a", bad)
    except TypeError as e:
        print(type(e).__name__, e)
for p, s in [("a", b"a"), (b"a", "a"), ("a", bytearray(b"a")), (b"a", S("a"))]:
    try:
        print(re.search(p, s))
    except TypeError as e:
        print(type(e).__name__, e)
print(re.compile(S("a+")).pattern, re.compile(B(b"a+")).search(b"xaa"))
print(re.search(b"a", bytearray(b"xa")), re.search("b", S("abc")))
buf = bytearray(b"abcdefgh")
m = re.search(b"[a-h]+", buf)
m2 = re.search(b"[e-h]+", buf)
print(m.group(), m2.group(), m2.span())
buf[:] = b"xyz"
print(m.group(), m2.group(), m.span(), m2.groups(), m2[0])
