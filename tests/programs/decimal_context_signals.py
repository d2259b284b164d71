# decimal's signals as CPython's C _decimal raises and lists them: the trapped condition in
# the exception's args, contexts' reprs with flags and traps in libmpdec's order.
import decimal
c = decimal.getcontext(); print(c)
c.traps[decimal.Inexact] = True; c.flags[decimal.Rounded] = True; c.flags[decimal.FloatOperation] = True; print(c)
print(decimal.Context(prec=5, rounding=decimal.ROUND_UP, traps=[], flags=[decimal.Clamped]), decimal.BasicContext, decimal.ExtendedContext)
d = decimal.Context(prec=3); d.divide(decimal.Decimal(1), decimal.Decimal(3)) if False else None
x = decimal.Context(prec=2, traps=[]); print(x.divide(1, 3), x)
try: decimal.Context(prec=2).divide(1, 0)
except decimal.DivisionByZero as e: print(repr(e), e.args)
try: decimal.Decimal("1") / decimal.Decimal("0")
except ZeroDivisionError as e: print(type(e).__mro__[:3])
try: decimal.Decimal(0) / 0
except decimal.InvalidOperation as e: print(e)
try: decimal.Decimal("x1")
except Exception as e: print(e, isinstance(e, ValueError))
try: decimal.Decimal(1).sqrt(context=decimal.Context(prec=3, traps=[decimal.Inexact]))
except decimal.Inexact as e: print(e)
with decimal.localcontext() as lc:
    lc.traps[decimal.FloatOperation] = True
    try: decimal.Decimal(1.5) < 2.5
    except decimal.FloatOperation as e: print("float", e)
