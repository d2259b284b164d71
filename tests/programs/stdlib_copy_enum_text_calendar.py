import copy, dataclasses, enum, weakref, gc, textwrap, string, calendar, struct, fractions, statistics
class S:
    __slots__ = ("a", "b")
    def __init__(self): self.a = 1; self.b = [2]
s2 = copy.deepcopy(S()); print(s2.a, s2.b, copy.copy(S()).b)
class R:
    def __init__(self, x): self.x = x
    def __reduce__(self): return (R, (self.x * 2,))
print(copy.copy(R(2)).x, copy.deepcopy(R(3)).x)
class G:
    def __getstate__(self): return {"v": 9}
    def __setstate__(self, st): self.v = st["v"] + 1
print(copy.deepcopy(G()).v)
import collections
od = collections.OrderedDict(a=1); dd = collections.defaultdict(list, {"k": [1]}); print(copy.deepcopy(od), copy.deepcopy(dd), copy.copy(dd).default_factory)
@dataclasses.dataclass
class F:
    a: int = dataclasses.field(default=1, metadata={"u": "m"})
    b: str = dataclasses.field(default="x", repr=False)
print(dataclasses.fields(F)[0].metadata["u"], F(), F.__dataclass_fields__["b"].repr, F.__eq__(F(), F()), F(2) != F(3))
@dataclasses.dataclass(unsafe_hash=True)
class H:
    a: int
print(hash(H(1)) == hash(H(1)), H.__hash__ is not None)
@dataclasses.dataclass
class Nst:
    f: F
    l: list
print(dataclasses.asdict(Nst(F(5), [F(6)])), dataclasses.astuple(Nst(F(5), [(1, 2)])))
class Pri(enum.IntFlag):
    A = 1; B = 2; C = 4; AB = 3
print(list(Pri), Pri(3), Pri(7), repr(Pri(7)), Pri.AB in Pri(7), len(Pri(7)), Pri(0), repr(Pri(0)))
class Wk(enum.Enum):
    MON = "mon"; TUE = "tue"
    def __str__(self): return self.value.title()
print(Wk.MON, f"{Wk.TUE}", format(Wk.TUE, ">6"), [w.name for w in reversed(Wk)] if hasattr(Wk, "__reversed__") else "")
print(Wk._value2member_map_, Wk("mon"), Wk.MON.__reduce_ex__(4))
class Z(enum.Enum):
    _ignore_ = ["tmp"]
    A = 1
    tmp = 5
print(list(Z))
print(textwrap.wrap("", 5), textwrap.wrap("   ", 5), textwrap.fill("a b c", 1), textwrap.wrap("Hello\nworld  again", 7, replace_whitespace=False), textwrap.wrap("x" * 12, 5, break_long_words=False), textwrap.wrap("aa bb-cc", 5, break_on_hyphens=False))
print(textwrap.wrap("a  b   c", 3, drop_whitespace=False), textwrap.dedent("\tx\n  y"), repr(textwrap.indent("a\nb", "> ", lambda l: l.startswith("b"))))
print(calendar.day_name[0], calendar.firstweekday(), calendar.weekheader(3), calendar.monthrange(2000, 2), calendar.month_abbr[12], calendar.prcal.__name__)
cal = calendar.TextCalendar(); print(cal.formatyear(2024, 2, 1, 1, 4)[:300])
print(list(calendar.Calendar().itermonthdays2(2024, 2))[:9], calendar.Calendar().yeardatescalendar(2024)[0][0][0][:2])
print(struct.pack("<?", 5), struct.unpack("<?", b"\x02"), struct.pack("<e", 65504.0), struct.unpack("<d", struct.pack("<d", float("inf"))), struct.Struct("<3sH").size, struct.Struct("i").format, struct.pack_into.__name__)
buf = bytearray(8); struct.pack_into("<hh", buf, 2, 1, -1); print(buf, struct.unpack_from("<h", buf, 4))
try: struct.pack("<e", 1e6)
except OverflowError as e: print(type(e).__name__, e)
try: struct.unpack_from("<i", b"\x00" * 3, 1)
except struct.error as e: print(type(e).__name__, e)
print(fractions.Fraction(1, 3).__format__("") if False else "", fractions.Fraction("  -3/4 "), fractions.Fraction("1e-2"), fractions.Fraction(3, 4).numerator, abs(fractions.Fraction(-1, 2)), fractions.Fraction(5, 10) == fractions.Fraction(1, 2), fractions.Fraction(1, 2) * 2 == 1, divmod(fractions.Fraction(7, 2), 2), fractions.Fraction(3, 2).__ceil__(), int(fractions.Fraction(-7, 2)))
print(statistics.mode([1, 1, 2, 2]), statistics.median([]) if False else "", statistics.fmean([1, 2, 3], weights=[1, 1, 2]) if False else "", statistics.pvariance([1.5, 2.5], mu=2), statistics.stdev([1, 2, 3, 4]), statistics.NormalDist(0, 1).quantiles(4), statistics.NormalDist(1, 2) * 2, statistics.NormalDist(0, 1).zscore(1.5))
