import weakref, gc, warnings, io, sys, enum, datetime as dt, time, decimal, array, string, traceback
class O:
    def __init__(self, n): self.n = n
    def m(self): return self.n
objs = [O(i) for i in range(4)]
wd = weakref.WeakValueDictionary({i: o for i, o in enumerate(objs)})
print(wd.setdefault(9, objs[0]).n, wd.pop(1).n, wd.get(2).n, sorted(wd), [o.n for o in sorted(wd.values(), key=lambda o: o.n)])
del objs[3]; gc.collect(); print(sorted(wd.keys()))
o = O(5); wm = weakref.WeakMethod(o.m); print(wm()(), weakref.getweakrefcount(o)); del o; gc.collect(); print(wm())
cb = []; o = O(6); r = weakref.ref(o, lambda ref: cb.append("cb")); del o; gc.collect(); print(cb, r())
try: weakref.ref(1)
except TypeError as e: print(type(e).__name__, e)
p = weakref.proxy(O(7))
try: p.n
except ReferenceError as e: print(type(e).__name__, e)
def show(message, category, filename, lineno, file=None, line=None): print("SHOW", category.__name__, message)
old = warnings.showwarning; warnings.showwarning = show
warnings.simplefilter("always"); warnings.warn("custom"); warnings.warn_explicit("expl", SyntaxWarning, "f.py", 3)
warnings.showwarning = old
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("module")
    warnings.warn("m1"); warnings.warn("m1"); warnings.warn("m2", category=UserWarning)
    warnings.filterwarnings("error", category=DeprecationWarning, append=True)
    warnings.warn("d", DeprecationWarning)
    print([str(x.message) for x in w], w[0].filename.endswith("p6.py") if w else None)
with warnings.catch_warnings():
    warnings.simplefilter("error", UserWarning)
    try: warnings.warn("e")
    except UserWarning as e: print("raised", e)
err = io.StringIO(); sys.stderr = err
warnings.simplefilter("default")
def lib(): warnings.warn("from lib", stacklevel=2)
lib()
sys.stderr = sys.__stderr__
print([l.strip().rsplit("/", 1)[-1] for l in err.getvalue().splitlines()])
class Shape(enum.Enum):
    SQUARE = 2; DIAMOND = 1; CIRCLE = 3; ALIAS = 2
print(list(Shape), Shape.ALIAS is Shape.SQUARE, Shape(2).name, list(Shape.__members__))
class Auto(enum.Enum):
    def _generate_next_value_(name, start, count, last): return name.lower()
    A = enum.auto(); B = enum.auto()
print(Auto.A.value, [m.value for m in Auto])
class FB(enum.Flag, boundary=enum.STRICT):
    A = 1; B = 2
try: FB(5)
except ValueError as e: print(type(e).__name__, e)
class FK(enum.Flag, boundary=enum.KEEP):
    A = 1; B = 2
print(repr(FK(5)), FK(3), enum.Flag.__or__ is not None)
class Ord(enum.IntEnum):
    LOW = 1; HIGH = 3
print(f"{Ord.LOW:>5}|{Ord.HIGH!r}|{Ord.LOW + Ord.HIGH}|{Ord.LOW:d}", "%s %d" % (Ord.LOW, Ord.HIGH), str(Ord.LOW))
class Col(str, enum.Enum):
    R = "r"
print(Col.R, f"{Col.R}", repr(Col.R), Col.R == "r", Col("r"))
class WithM(enum.Enum):
    A = 1
    def describe(self): return f"{self.name}={self.value}"
    @property
    def double(self): return self.value * 2
print(WithM.A.describe(), WithM.A.double, WithM.A < WithM.A if False else "", hash(WithM.A) == hash(WithM.A))
try: WithM.A < WithM.A
except TypeError as e: print(type(e).__name__, e)
try: WithM.A = 2
except AttributeError as e: print(type(e).__name__, e)
class TZ(dt.tzinfo):
    def utcoffset(self, d): return dt.timedelta(hours=2)
    def tzname(self, d): return "X2"
    def dst(self, d): return dt.timedelta(0)
d = dt.datetime(2021, 5, 6, 7, 8, 9, tzinfo=TZ())
print(d.strftime("%Z %z %c %x %X"), d.isoformat(), d.utctimetuple()[:5], dt.datetime(2021, 5, 6, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30))).strftime("%z %Z"))
print(dt.datetime(2020, 1, 1) - dt.datetime(2019, 12, 25, 12), dt.datetime.combine(dt.date(2020, 1, 1), dt.time(5)), dt.time(13, 5, 1, 5).isoformat("minutes"), dt.time(23, 59).replace(hour=1), dt.date.max, dt.datetime.min, dt.timedelta.max)
print(dt.datetime(2024, 1, 1).strftime("%G-W%V-%u"), format(dt.date(2024, 1, 1), "%d.%m.%Y"), f"{dt.datetime(2024,1,1,5):%H:%M}", dt.date(2024, 1, 1).toordinal(), dt.datetime(2024, 1, 1, 1).timetuple().tm_yday)
print(repr(dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)), repr(dt.timezone(dt.timedelta(hours=1))), str(dt.timezone(dt.timedelta(hours=-3, minutes=-30))), repr(dt.date(2024, 1, 1)), repr(dt.time(1, 2, 3)))
print(time.strftime("%a %d %b %Y", (2024, 3, 5, 0, 0, 0, 1, 65, 0)), time.strftime("%Y", (1900, 1, 1, 0, 0, 0, 0, 1, 0)), time.strftime("%y", (5, 1, 1, 0, 0, 0, 0, 1, 0)))
try: time.strftime("%Y", (2024, 13, 1, 0, 0, 0, 0, 1, 0))
except ValueError as e: print(type(e).__name__, e)
D = decimal.Decimal
print(f"{D('1234567.891'):,}", f"{D('-0.5'):+.0f}", f"{D('1.5'):%}", f"{D('12.3456'):10.2f}|", f"{D('1e10'):e}", f"{D('nan')}", D("1.30").__format__(".1f"), D(2) ** D("0.5"), D("0.1") * 3 == D("0.3"), D(1).exp(), D(100).log10(), D(10).ln())
print(D("1e-7"), D("0.000001"), D("1E+2"), str(D(123).scaleb(2)), D("5").max(D("3")), D("-5").copy_abs(), D("1.23").adjusted(), D("12").rotate(1), D(3).remainder_near(2), decimal.Context().Etiny())
ar = array.array("l", range(5)); ar.reverse(); ar.remove(2); print(ar, ar.pop(), ar.buffer_info()[1], array.array("l", [1, 2]) * 2, ar.tolist())
pass
try: ar.index(42)
except ValueError as e: print(type(e).__name__, e)
class MyFmt(string.Formatter):
    def get_value(self, key, args, kwargs):
        return kwargs.get(key, f"<{key}>") if isinstance(key, str) else super().get_value(key, args, kwargs)
    def format_field(self, v, spec): return super().format_field(v, spec).upper()
print(MyFmt().format("{a} {b} {0:x}", 255, a="yes"), string.Formatter().vformat("{x!r:>6}", (), {"x": "q"}))
try: string.Formatter().format("{0} {}", 1, 2)
except ValueError as e: print(type(e).__name__, e)
def a(): b()
def b(): raise ValueError("deep")
try: a()
except ValueError as e:
    for fs in traceback.extract_tb(e.__traceback__): print(fs.name, fs.lineno - fs.lineno, fs.line)
    print(traceback.format_exception_only(e)[0], traceback.format_tb(e.__traceback__, limit=-1)[0].split(",")[2].strip())
    print(len(traceback.format_exception(e, limit=1)), traceback.TracebackException.from_exception(e).stack[-1].name)
try:
    try: 1 / 0
    except ZeroDivisionError: raise KeyError("ctx")
except KeyError as e:
    out = "".join(traceback.format_exception(e, chain=True)); print(out.count("During handling"), out.splitlines()[-1])
    print("".join(traceback.format_exception(e, chain=False)).count("During"))
print(traceback.format_exception_only(SyntaxError("bad", ("f.py", 1, 3, "x = (", 1, 4))))
