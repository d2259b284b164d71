# string, textwrap, re and typing, as application code uses them.
import re
import string
import textwrap
import typing
from typing import Dict, List, NamedTuple, Optional, Union

print(string.ascii_letters[:5], string.digits, string.capwords("hello big world"))
t = string.Template("$who likes ${what}")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="x"))
print(string.Formatter().format("{0}-{name!r:>6}", 1, name="n"))
text = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.wrap(text, 30))
print(textwrap.fill("a b c d e f g", width=5))
print(repr(textwrap.dedent("    x\n      y\n")), textwrap.shorten(text, 25), repr(textwrap.indent("a\nb", "> ")))
print(re.findall(r"\d+", "a1b22c333"), re.sub(r"(\w)(\d)", r"\2\1", "a1 b2"), re.split(r"[,;]\s*", "x, y;z"))
m = re.match(r"(?P<key>\w+)=(?P<val>\d+)", "port=8080 rest")
print(m.group("key"), int(m["val"]), m.span(), m.groupdict())
pat = re.compile(r"^\s*(#.*)?$", re.M)
print(bool(pat.match("   # c")), pat.flags & re.M == re.M, re.escape("a.b*c"), re.fullmatch("a|b", "b") is not None)
print(List[int], Dict[str, Optional[int]], Union[int, str], Optional[str])


class Pt(NamedTuple):
    x: int
    y: int = 0


print(Pt(1), Pt(1, 2)._asdict(), Pt._fields, typing.get_type_hints(Pt))
print(isinstance([], typing.Sequence), issubclass(dict, typing.Mapping), typing.cast(int, "x"))
