# Exception chaining attributes, generator protocol details and exception reprs.
import traceback, sys
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
try:
    try:
        1/0
    except ZeroDivisionError as e:
        raise ValueError("v") from None
except ValueError as e:
    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
try:
    try:
        raise KeyError("k")
    finally:
        pass
except KeyError as e:
    print(e.__context__, repr(e))
def chained():
    try:
        {}["x"]
    except KeyError:
        raise TypeError("inner")
try:
    chained()
except TypeError as e:
    print("".join(traceback.format_exception_only(type(e), e)), type(e.__context__).__name__)
    lines = traceback.format_exception(type(e), e, e.__traceback__)
    print([l.split("\n")[0] for l in lines if not l.startswith("  ")])
e = ValueError("x")
e.__cause__ = KeyError("c")
print(e.__suppress_context__)
t(lambda: setattr(e, "__cause__", 5))
t(lambda: setattr(e, "__context__", 5))
def g():
    x = yield 1
    print("got", x)
    try:
        yield 2
    except KeyError as k:
        print("caught", repr(k))
        yield 3
    return "done"
gen = g()
print(next(gen), gen.send("s"), gen.throw(KeyError("t")))
try:
    next(gen)
except StopIteration as s:
    print("stop", s.value)
gen2 = g(); next(gen2)
print(gen2.close(), gen2.gi_frame)
def g3():
    try:
        yield 1
    finally:
        print("cleanup")
gg = g3(); next(gg); gg.close()
def g4():
    try:
        yield 1
    except GeneratorExit:
        yield 2
gg = g4(); next(gg)
t(lambda: gg.close())
def g5():
    raise StopIteration("inner")
    yield
t(lambda: next(g5()))
def g6():
    yield gen_running.gi_running
gen_running = g6()
print(next(gen_running), gen_running.gi_running)
def g7():
    return (yield)
x = g7(); next(x)
t(lambda: x.send(5))
t(lambda: x.send(5))
t(lambda: g7().send(1))
def deleg():
    r = yield from g7()
    print("deleg got", r)
    yield r
d = deleg(); next(d); print(d.send(9))
t(lambda: d.throw(ValueError, "bad"))
t(lambda: d.throw(ValueError("bad")))
gen = (i for i in range(3))
print(list(gen), list(gen))
t(lambda: g().throw(TypeError))
def g8():
    yield 1
gi = g8()
print(gi.__name__, gi.__qualname__, type(gi).__name__, gi.gi_code.co_name)
print(repr(KeyError("a")), str(KeyError("a")), str(KeyError()), str(KeyError("a", "b")), repr(OSError(2, "x")), str(OSError(2, "x")))
print(str(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad")), repr(StopIteration(3).value))
t(lambda: exec("raise Exception from 1"))
t(lambda: exec("raise 5"))
class E(Exception):
    def __init__(self, a, b): super().__init__(a); self.b = b
t(lambda: (_ for _ in ()).throw(E(1, 2)))
print(E(1, 2).args, repr(E(1, 2)))
eg = ExceptionGroup("g", [ValueError(1), TypeError(2)])
print(repr(eg), eg.exceptions, str(eg))
t(lambda: ExceptionGroup("g", []))
sub = eg.subgroup(ValueError); print(repr(sub))
print(eg.split(TypeError))
