import statistics as st, fractions, decimal, datetime as dt, time, enum, dataclasses
from fractions import Fraction as F
from decimal import Decimal as D
data = [2.5, 3.25, 5.5, 1.75, 4.0, 4.0]
print(st.mean(data), st.fmean(data), st.median(data), st.median_low(data), st.median_high(data), st.mode(data), st.multimode("aabbc"))
print(st.stdev(data), st.pstdev(data), st.variance(data), st.pvariance(data), st.geometric_mean([1, 2, 4]), st.harmonic_mean([1, 2, 4]))
print(st.quantiles(range(1, 11), n=4), st.quantiles([1, 2, 3, 4], n=3, method="inclusive"), st.median_grouped([1, 2, 2, 3]), st.mean([F(1, 3), F(1, 6)]), st.mean([D("1.1"), D("2.2")]))
print(st.correlation([1, 2, 3], [2, 4, 7]), st.covariance([1, 2, 3], [1, 3, 2]), st.linear_regression([1, 2, 3], [2, 4, 6.5]))
nd = st.NormalDist(100, 15); print(nd.cdf(130), nd.inv_cdf(0.9), nd.pdf(100), nd + 5, nd.overlap(st.NormalDist(110, 10)), st.NormalDist.from_samples([1, 2, 3]).stdev)
for bad in [lambda: st.mean([]), lambda: st.stdev([1]), lambda: st.harmonic_mean([-1]), lambda: st.mode([])]:
    try: bad()
    except st.StatisticsError as e: print(type(e).__name__, e)
print(F(3, 4) + F(1, 4), F("1.25"), F(0.1), F(0.1).limit_denominator(100), F(7, -21), F("3/9"), round(F(7, 2)), round(F(5, 2)), F(1, 3) ** 2, F(4, 9) ** F(1, 2), F(-7, 2) // 1, F(7, 2) % F(1, 3))
print(F(1, 3).as_integer_ratio(), float(F(1, 3)), F(22, 7).__round__(2), format(F(1, 3), "") if False else "", F(2, 3) < 0.7, F(1, 2) == 0.5, hash(F(1, 2)) == hash(0.5), F.from_decimal(D("0.25")), F.from_float(1.5))
for bad in [lambda: F(1, 0), lambda: F("x"), lambda: F(1.5, 2)]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
c = decimal.getcontext(); print(c.prec, c.rounding)
print(D("1.10") + D("2.205"), D(1) / D(3), D("2.675").quantize(D("0.01")), D("2.675").quantize(D("0.01"), rounding=decimal.ROUND_HALF_UP), D("-0"), D("1e3").normalize(), D("123.4500").normalize(), D(0.1))
with decimal.localcontext() as ctx:
    ctx.prec = 5; print(D(1) / D(7), D("123456789") + 0, ctx.power(D(2), D(10)), D(2).sqrt())
ctx = decimal.Context(prec=3, rounding=decimal.ROUND_DOWN, traps=[decimal.DivisionByZero]); print(ctx.divide(D(2), D(3)), ctx.create_decimal("1.2399"))
for bad in [lambda: D(1) / D(0), lambda: D("abc"), lambda: int(D("nan"))]:
    try: bad()
    except Exception as e: print(type(e).__name__)
print(D("3.14159").as_tuple(), D("1.5").to_integral_value(), D("2.5").to_integral_value(), round(D("2.5")), round(D("1.2345"), 2), D("1.5").compare(D(2)), D("NaN").is_nan(), D("-Infinity"), f"{D('1234.5678'):,.2f}", f"{D('0.000012'):.2e}", D(10) ** -2, D("7").fma(2, 1), D(7) % D(-3), D(-7) // D(2))
d1 = dt.datetime(2024, 2, 29, 13, 5, 9, 123456)
print(d1.strftime("%Y-%m-%d %H:%M:%S.%f %a %A %b %B %j %U %W %w %y %I %p %%"), d1.isoformat(), d1.isoformat(sep=" ", timespec="milliseconds"), d1.ctime())
print(dt.datetime.fromisoformat("2024-03-01T10:20:30.5+05:30"), dt.date.fromisoformat("2024-03-01"), dt.time.fromisoformat("10:20"), dt.datetime.fromisoformat("2024-03-01"))
tz = dt.timezone(dt.timedelta(hours=-5), "EST"); a = dt.datetime(2024, 1, 1, 12, tzinfo=dt.timezone.utc); b = a.astimezone(tz)
print(b, b.tzname(), b.utcoffset(), a == b, a - dt.datetime(2023, 12, 31, tzinfo=tz), b.timetuple()[:6], a.timestamp(), dt.datetime.fromtimestamp(0, dt.timezone.utc))
print(dt.timedelta(days=1, seconds=-1), dt.timedelta(hours=-25), dt.timedelta(microseconds=1) * 1.5, dt.timedelta(days=3) / dt.timedelta(hours=5), divmod(dt.timedelta(hours=7), dt.timedelta(hours=2)), str(dt.timedelta(seconds=3661.5)), repr(dt.timedelta(days=-1, seconds=5)))
print(dt.date(2024, 1, 31) + dt.timedelta(days=30), tuple(dt.date(2024, 3, 1).isocalendar()), dt.date(2024, 12, 30).isocalendar().week, dt.date.fromordinal(738000), dt.date(2024, 5, 5).weekday(), dt.date(2024, 1, 1).replace(day=15), dt.datetime.strptime("2024-07-04 09:30", "%Y-%m-%d %H:%M"), dt.datetime.strptime("03/Feb/2021:10:01:02 +0100", "%d/%b/%Y:%H:%M:%S %z"))
for bad in [lambda: dt.date(2023, 2, 29), lambda: dt.datetime.fromisoformat("2024-13-01"), lambda: dt.datetime.strptime("x", "%Y"), lambda: a < dt.datetime(2024, 1, 1), lambda: dt.timedelta(days=1e10)]:
    try: bad()
    except Exception as e: print(type(e).__name__)
print(time.strftime("%Y-%m-%d %H:%M:%S %j %a %b", time.gmtime(1700000000)), time.strftime("%%|%e|%C|%D|%T|%R|%h|%n|%t|%G|%V|%u", time.gmtime(0)), time.gmtime(86400 * 365).tm_yday, time.strptime("2024-02-03", "%Y-%m-%d")[:7], time.asctime(time.gmtime(0)), time.mktime(time.gmtime(0)) != None)
class Color(enum.Enum):
    RED = 1; GREEN = 2; BLUE = 3
    @classmethod
    def _missing_(cls, v): return cls.RED if v == "r" else None
print(Color(2), Color("r"), Color["BLUE"], list(Color), Color.RED.name, repr(Color.GREEN), len(Color), Color.RED in Color)
try: Color(9)
except ValueError as e: print(type(e).__name__, e)
class Perm(enum.Flag):
    R = enum.auto(); W = enum.auto(); X = enum.auto()
rw = Perm.R | Perm.W; print(rw, repr(rw), Perm.R in rw, list(rw), ~Perm.R, Perm(0), bool(Perm(0)), Perm(7), rw.name, Perm.W.value)
class IP(enum.IntFlag):
    A = 1; B = 2; C = 4
print(IP.A | IP.B, IP.A | 8, repr(IP(12)), IP.A + 1, IP.C > 3, format(IP.B), str(IP.A | IP.C), ~IP.A)
class S(enum.StrEnum):
    X = enum.auto(); Y = "yy"
print(S.X, S.Y.upper(), S("yy"), f"{S.X}", S.X == "x")
class N(enum.IntEnum):
    ONE = 1; TWO = 2
print(N.ONE + 1, N(2), str(N.TWO), f"{N.TWO}", repr(N.ONE), sorted([N.TWO, N.ONE]), N.ONE == 1)
@enum.unique
class U(enum.Enum):
    A = 1
try:
    @enum.unique
    class V(enum.Enum):
        A = 1; B = 1
except ValueError as e: print(type(e).__name__, e)
Dyn = enum.Enum("Dyn", "a b c"); print(list(Dyn), Dyn.b.value, enum.Enum("E2", [("x", 5)]).x)
class Planet(enum.Enum):
    EARTH = (5.97e24, 6.37e6)
    def __init__(self, mass, radius): self.mass = mass; self.radius = radius
print(Planet.EARTH.mass, Planet.EARTH.value, Color.RED.__class__.__name__, Color.__members__.keys())
@dataclasses.dataclass(order=True)
class P:
    x: int
    y: int = 0
    tags: list = dataclasses.field(default_factory=list, compare=False, repr=False)
print(P(1), P(1, 2) < P(1, 3), sorted([P(2), P(1, 5)]), P(1) == P(1, 0, ["a"]), dataclasses.asdict(P(1, 2, ["t"])), dataclasses.astuple(P(3)), dataclasses.replace(P(1), y=9))
@dataclasses.dataclass(frozen=True)
class Fz:
    a: int
    b: str = "b"
f = Fz(1)
try: f.a = 2
except dataclasses.FrozenInstanceError as e: print(type(e).__name__, e)
print(hash(f) == hash(Fz(1)), f, {f: 1}[Fz(1)])
@dataclasses.dataclass
class Post:
    a: int
    b: int = dataclasses.field(init=False)
    def __post_init__(self): self.b = self.a * 2
print(Post(3), [fl.name for fl in dataclasses.fields(Post)], dataclasses.is_dataclass(Post), dataclasses.is_dataclass(Post(1)))
@dataclasses.dataclass
class KW:
    a: int
    _: dataclasses.KW_ONLY
    b: int = 2
    c: int = 3
print(KW(1, c=5), KW(1, b=0))
try: KW(1, 2)
except TypeError as e: print(type(e).__name__, e)
@dataclasses.dataclass(slots=True)
class Sl:
    x: int
    y: float = 1.0
s = Sl(1); print(s, Sl.__slots__, hasattr(s, "__dict__"))
try: s.z = 3
except AttributeError as e: print(type(e).__name__, e)
try:
    @dataclasses.dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e: print(type(e).__name__, e)
try:
    @dataclasses.dataclass
    class Bad2:
        a: list = []
except ValueError as e: print(type(e).__name__, e)
@dataclasses.dataclass(kw_only=True)
class AllKW:
    a: int
    b: int = 1
print(AllKW(a=1), dataclasses.make_dataclass("Mk", ["p", ("q", int, 5)])(1))
@dataclasses.dataclass(eq=False)
class NE:
    a: int
print(NE(1) == NE(1), P.__match_args__, repr(dataclasses.field(default=1))[:6])
class Base:
    pass
@dataclasses.dataclass
class Inh(P):
    z: int = 7
print(Inh(1, 2, [], 3), Inh.__mro__[1].__name__)
