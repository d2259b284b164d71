# cmath on every combination of special parts (infinities, signed zeros, NaN, finite):
# C99 Annex G's values (signs of zeros included) and CPython's ValueError/OverflowError.
import cmath
import math

INF = float("inf")
NAN = float("nan")
parts = [-INF, -2.3, -0.0, 0.0, 2.3, INF, NAN]


def fmt(x):
    if math.isnan(x):
        return "nan"
    if x == 0:
        return "-0" if math.copysign(1, x) < 0 else "0"
    return repr(x)


def show(z):
    return "(%s, %s)" % (fmt(z.real), fmt(z.imag))


names = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "exp",
         "log", "log10", "sin", "sinh", "sqrt", "tan", "tanh"]
for name in names:
    f = getattr(cmath, name)
    row = []
    for x in parts:
        for y in parts:
            try:
                row.append(show(f(complex(x, y))))
            except ValueError as e:
                row.append("VE")
            except OverflowError as e:
                row.append("OE")
    print(name)
    for i in range(0, 49, 7):
        print("  ", " ".join(row[i:i + 7]))

row = []
for r in parts:
    for phi in parts:
        try:
            row.append(show(cmath.rect(r, phi)))
        except ValueError:
            row.append("VE")
print("rect")
for i in range(0, 49, 7):
    print("  ", " ".join(row[i:i + 7]))

for x in parts:
    print("phase/polar", fmt(x), [fmt(cmath.phase(complex(x, y))) for y in parts],
          [tuple(map(fmt, cmath.polar(complex(x, y)))) for y in parts])
    print("preds", [(cmath.isfinite(complex(x, y)), cmath.isinf(complex(x, y)), cmath.isnan(complex(x, y))) for y in parts])

# Overflow and poles.
for name, z in [("exp", 710 + 0j), ("exp", 709.9 + 1j), ("cosh", 711 + 1j), ("sinh", -711 + 1j),
                ("cosh", 710 + 0j), ("log", 0j), ("log", -0.0 + 0j), ("atanh", 1 + 0j),
                ("atanh", -1 - 0j), ("tanh", 800 + 1j), ("exp", -800 + 3j), ("cos", 1 + 711j)]:
    try:
        print(name, z, show(getattr(cmath, name)(z)))
    except (ValueError, OverflowError) as e:
        print(name, z, type(e).__name__, e)
try:
    cmath.polar(complex(1e308, 1e308))
except OverflowError as e:
    print("polar", type(e).__name__, e)
