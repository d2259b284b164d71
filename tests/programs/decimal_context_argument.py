# Decimal(value, context) refuses a context argument that is not a Context, as _decimal does.
import decimal
for ctx in (5, "x", decimal.Context(prec=3), None):
    try:
        print(decimal.Decimal("1.23456", context=ctx), decimal.Decimal(1, ctx), decimal.Decimal("9.87654", ctx))
    except TypeError as e:
        print("TypeError:", e)
class C(decimal.Context): pass
print(decimal.Decimal("2.5", C()))
