import contextvars
v = contextvars.ContextVar("v", default=1)
w = contextvars.ContextVar("w")
print(v.name, v.get(), w.get("dflt"))
try:
    w.get()
except LookupError as e:
    print("LookupError", type(e.args[0]).__name__, e.args[0].name)
t = v.set(5)
print(v.get(), t.var is v, t.old_value is contextvars.Token.MISSING, repr(contextvars.Token.MISSING))
ctx = contextvars.copy_context()
print(len(ctx), v in ctx, ctx[v], ctx.get(w), ctx.get(w, 9), sorted(k.name for k in ctx), list(ctx.values()))
def f(x):
    v.set(x)
    return v.get(), w.get(None)
print(ctx.run(f, 10), v.get(), ctx[v])
v.reset(t)
print(v.get())
for bad in [lambda: v.reset(t), lambda: w.reset(t), lambda: v.reset(1), lambda: ctx[1], lambda: contextvars.ContextVar(1), lambda: contextvars.Token(), lambda: ctx.run(lambda: ctx.run(print))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, str(e).split(" at 0x")[0])
t2 = ctx.run(v.set, 3)
try:
    v.reset(t2)
except ValueError as e:
    print("ValueError", str(e).split(" at 0x")[0])
c2 = ctx.copy(); c2.run(v.set, 99); print(ctx[v], c2[v])
print(repr(v).startswith("<ContextVar name='v' default=1 at 0x"), repr(w).startswith("<ContextVar name='w' at 0x"))
import decimal, fractions, statistics
decimal.getcontext().prec = 10
print(decimal.Decimal(1) / decimal.Decimal(7), decimal.Decimal("1.10") + decimal.Decimal("2.205"))
with decimal.localcontext() as c:
    c.prec = 3
    print(decimal.Decimal(1) / decimal.Decimal(3))
print(fractions.Fraction(3, 4) + fractions.Fraction("1/6"), fractions.Fraction(0.1).limit_denominator(100))
print(statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]), statistics.stdev([1.0, 2.0, 4.0]), statistics.mode("aab"))
print(decimal.Decimal("3.14159").quantize(decimal.Decimal("0.01")), round(decimal.Decimal("2.675"), 2), decimal.Decimal(0.1))
