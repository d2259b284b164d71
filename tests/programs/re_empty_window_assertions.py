# Zero-width assertions at the edges of the text: `\B` never matches where the text up to
# endpos is empty (CPython 3.11), `\b`, `\A`, `\Z`, `$` and lookbehinds at both ends.
import re

pats = [r"\B", r"\b", r"\A", r"\Z", r"$", r"^", r"(?m)$", r"(?m)^", r"(?<=a)", r"(?<!a)",
        r"\B\w*", r"(?a)\B", r"(?=a)|\B", r"x*\B", r"\B|x", r"\B$", r"^\B", r"(?:a|\B)",
        r"(a)?\B", r"(?<!\w)", r"(?!\w)", r"a$", r"a\Z", r"$\n?"]
subs = ["", "a", "\n", "a\n", "ab", " ", "a b", "b\n\n"]
for p in pats:
    r = re.compile(p)
    for s in subs:
        out = []
        for meth in ("search", "match", "fullmatch"):
            m = getattr(r, meth)(s)
            out.append(m.span() if m else None)
        out.append([m.span() for m in r.finditer(s)])
        out.append(r.sub("-", s))
        out.append(r.split(s))
        for pos, endpos in ((0, 0), (1, 1), (1, 2), (0, 1)):
            m = r.search(s, pos, endpos)
            out.append(m.span() if m else None)
        print(repr(p), repr(s), out)
    b = re.compile(p.encode())
    for s in (b"", b"a", b"a b"):
        print(repr(p), repr(s), [m.span() for m in b.finditer(s)], b.search(s, 0, 0))
print(re.findall(r"\B", ""), re.sub(r"\B", "-", ""), re.split(r"\B", ""))
print(re.fullmatch(r"\B", ""), re.match(r"\B", "", 0), re.search(r"\B", "abc", 0, 0))
