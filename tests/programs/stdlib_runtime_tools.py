import calendar, weakref, gc, warnings, traceback, io, sys, graphlib, numbers, types
print(calendar.month(2024, 2)); print(calendar.monthrange(2023, 2), calendar.isleap(2000), calendar.leapdays(1900, 2024), calendar.weekday(2024, 12, 25))
print(calendar.TextCalendar(6).formatmonth(2021, 7, w=3)); print(calendar.monthcalendar(2024, 3)[:2], list(calendar.day_abbr), calendar.month_name[5])
print(calendar.timegm((2024, 1, 2, 3, 4, 5)), calendar.HTMLCalendar().formatmonth(2024, 1)[:120])
print(list(calendar.Calendar(1).itermonthdates(2024, 1))[:3], calendar.calendar(2023)[:200])
try: calendar.monthrange(2024, 13)
except Exception as e: print(type(e).__name__, e)
class O: pass
d = weakref.WeakValueDictionary(); a, b = O(), O(); d["a"] = a; d["b"] = b
del a; gc.collect(); print(sorted(d.keys()), len(d), "b" in d)
ws = weakref.WeakSet([b]); print(len(ws))
fin = weakref.finalize(b, print, "finalized", 1); print(fin.alive); del b; gc.collect(); print(fin.alive)
class C: pass
c = C(); f2 = weakref.finalize(c, lambda: print("lambda fin")); print(f2(), f2.alive, f2())
kd = weakref.WeakKeyDictionary(); k = C(); kd[k] = 1; print(len(kd)); del k; gc.collect(); print(len(kd))
m = weakref.WeakMethod(C.__init__) if False else None
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("one"); warnings.warn("two", DeprecationWarning); warnings.warn(UserWarning("three"))
    def f(): warnings.warn("deep", RuntimeWarning, stacklevel=2)
    f()
    print([(x.category.__name__, str(x.message), x.lineno) for x in w])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try: warnings.warn("boom", FutureWarning)
    except FutureWarning as e: print(type(e).__name__, e)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("default"); 
    for i in range(3): warnings.warn("dup")
    warnings.filterwarnings("ignore", message="skip.*"); warnings.warn("skip me"); warnings.warn("keep")
    print(len(w), [str(x.message) for x in w])
err = io.StringIO(); old = sys.stderr; sys.stderr = err
warnings.warn("to stderr"); sys.stderr = old; print(err.getvalue().splitlines()[0].split(": ", 1)[1])
print(warnings.formatwarning("msg", UserWarning, "file.py", 10, "line"))
def g(): return 1 / 0
try: g()
except ZeroDivisionError as e:
    s = traceback.format_exc(); print(s.splitlines()[0], s.splitlines()[-1], len(s.splitlines()))
    print(traceback.format_exception_only(type(e), e), [(fs.name, fs.line) for fs in traceback.extract_tb(e.__traceback__)])
    print("".join(traceback.format_exception(e)).splitlines()[-1])
    buf = io.StringIO(); traceback.print_exc(file=buf); print(buf.getvalue().splitlines()[-1])
    te = traceback.TracebackException.from_exception(e); print(list(te.format_exception_only()))
try:
    try: raise KeyError("k")
    except KeyError as e: raise ValueError("v") from e
except ValueError as e:
    print([l for l in traceback.format_exception(e) if not l.startswith("  ")])
print(traceback.format_list([("f.py", 3, "fn", "x = 1")]), [str(s)[:5] for s in traceback.extract_stack(limit=1)])
ts = graphlib.TopologicalSorter({"b": {"a"}, "c": {"a", "b"}, "d": set()}); print(list(ts.static_order()))
ts = graphlib.TopologicalSorter(); ts.add(1, 2); ts.add(2, 1)
try: ts.prepare()
except graphlib.CycleError as e: print(type(e).__name__, e.args[0], sorted(e.args[1]))
ts = graphlib.TopologicalSorter({"x": {"y"}}); ts.prepare()
while ts.is_active():
    r = ts.get_ready(); print(r); ts.done(*r)
print(isinstance(3, numbers.Integral), isinstance(3.0, numbers.Rational), isinstance(1j, numbers.Complex), issubclass(bool, numbers.Number))
from fractions import Fraction; from decimal import Decimal
print(isinstance(Fraction(1, 2), numbers.Rational), isinstance(Decimal(1), numbers.Real), isinstance(Decimal(1), numbers.Number))
ns = types.SimpleNamespace(a=1, b=[2]); ns.c = 3; print(ns, ns == types.SimpleNamespace(a=1, b=[2], c=3), vars(ns))
mp = types.MappingProxyType({"x": 1}); print(mp["x"], list(mp), mp.get("y", 0), mp | {"z": 2})
try: mp["x"] = 2
except TypeError as e: print(type(e).__name__, e)
NC = types.new_class("NC", (object,), {}, lambda ns: ns.update(hi=lambda self: "hi")); print(NC().hi(), NC.__name__)
print(types.FunctionType, type(lambda: 0) is types.FunctionType, types.GeneratorType, types.NoneType, types.prepare_class("X", (), {})[:2])
print(types.resolve_bases((int,)), types.ModuleType("mm").__name__, repr(types.ModuleType("mm", "doc").__doc__))
