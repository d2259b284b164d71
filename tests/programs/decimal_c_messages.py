# decimal in the words of CPython's _decimal: constructor and context-field errors, rounding and
# conversion errors, type names, and the flags/traps signal dicts (order, bools, repr).
import decimal
from decimal import Decimal as D, Context, getcontext
bads = [lambda: D((1, (1,), "x")), lambda: D((1, 2)), lambda: D((2, (1,), 0)), lambda: D((0, (1, 10), 0)), lambda: D((0, "12", 0)), lambda: D((0, (1,), 1.5)), lambda: D([0, [1], 0]), lambda: D(object()), 
 lambda: Context(prec=0), lambda: Context(prec="x"), lambda: Context(Emin=1), lambda: Context(Emax=-1), lambda: Context(capitals=2), lambda: Context(clamp=5), lambda: Context(rounding="bogus"), lambda: Context(rounding=1), lambda: setattr(getcontext(), "prec", -1), lambda: setattr(getcontext(), "foo", 1), lambda: delattr(getcontext(), "prec"),
 lambda: hash(D("snan")), lambda: getcontext().flags["x"], lambda: getcontext().flags.__delitem__(decimal.Inexact), lambda: Context(flags={decimal.Inexact: 1}), lambda: Context(traps=[int]), lambda: Context(flags=5), 
 lambda: D(1).quantize(2.5), lambda: D(1) + "1", lambda: D(1).__round__("x"), lambda: round(D("inf")), lambda: round(D("nan"), 2), lambda: D(1).compare(1.5), lambda: D(10) ** D("0.5") > 0, lambda: D(2).ln() , lambda: D(-2).ln(), lambda: D(2).logb(), lambda: D(0).logb(), lambda: D(5).scaleb(D("1.5")),
 lambda: getcontext().create_decimal("  1  "), lambda: getcontext().create_decimal("1_000"), lambda: D("1_000"), lambda: D(" 12 "), lambda: D("1e"), lambda: float(D("snan")), lambda: D(3).__format__("z"), lambda: format(D(1), ",.2z"), lambda: D.from_float("x"), lambda: getcontext().copy().prec, lambda: repr(getcontext().copy()), lambda: Context(Emax=10).create_decimal("1e20"), lambda: decimal.Context(traps=[decimal.Inexact]).divide(1, 3), lambda: decimal.localcontext(prec=3).__enter__().prec]
for bad in bads:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
ctx = Context(); ctx.flags[decimal.Inexact] = 5; print(ctx.flags[decimal.Inexact], len(ctx.flags), list(ctx.flags)[:2], type(ctx.flags).__name__, ctx.flags == ctx.flags.copy(), type(ctx.flags.copy()).__name__)
ctx.traps[decimal.Inexact] = True
print(ctx, repr(ctx.flags.copy())[:60], dict(ctx.traps)[decimal.Inexact], decimal.Inexact in ctx.flags, ctx.flags.get(decimal.Rounded), sorted(k.__name__ for k, v in ctx.traps.items() if v))
c2 = Context(flags=[decimal.Rounded], traps={s: 0 for s in ctx.traps}); print(c2)
print(getcontext() is getcontext(), repr(decimal.DefaultContext)[:40], decimal.MAX_PREC, decimal.MAX_EMAX, decimal.MIN_EMIN, decimal.MIN_ETINY, decimal.HAVE_THREADS, decimal.HAVE_CONTEXTVAR)
print(D.__module__, Context.__module__, decimal.InvalidOperation.__mro__, decimal.DecimalException.__module__)
print(decimal.FloatOperation.__mro__, decimal.DivisionByZero.__mro__)

c = getcontext(); c.clear_flags(); print(c.flags, c.traps)
D(1) / D(3); print({k.__name__: v for k, v in c.flags.items()})
c.clear_flags(); print(c.flags[decimal.Inexact], decimal.DefaultContext.traps)

# Rounding arguments that are no rounding mode.
for bad in [lambda: D("1.5").to_integral(rounding="bad"), lambda: D("1.5").to_integral_value("bad"), lambda: D("1.5").to_integral_exact(rounding="x"), lambda: D("1.55").quantize(D("0.1"), rounding="nope"), lambda: D("1.55").quantize(D("0.1"), "nope")]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
print(D("1.5").to_integral(rounding=decimal.ROUND_DOWN), D("2.5").to_integral_value(), D("1.55").quantize(D("0.1"), decimal.ROUND_UP), D("2.5").to_integral_exact(decimal.ROUND_HALF_UP))
