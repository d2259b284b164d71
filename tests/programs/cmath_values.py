# cmath on ordinary values: results to the last bit, branch cuts (the sign of a zero
# imaginary part picks the side), log with a base, the constants, argument conversion
# and CPython's errors.
import cmath
import math

values = [0j, 1 + 0j, -1 + 0j, 1j, -1j, 0.5 + 0.5j, -2.5 + 3.25j, 3 - 4j, 1e-310 + 1e-310j,
          1e300 + 1e300j, -1e-20 + 2j, 0.999999 + 1e-9j, 1.0000001 - 0j, 2 + 0j, 2 - 0j,
          -2 + 0j, -2 - 0j, 0 + 2j, -0.0 + 2j, 0 - 2j, -0.0 - 2j, 1e-8 + 0j, 12.5 - 7.75j,
          1.5e154 + 1e154j, 710 + 2j, -710 - 2j, 3e-320 - 5e-321j]
names = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "exp",
         "log", "log10", "sin", "sinh", "sqrt", "tan", "tanh"]
for name in names:
    f = getattr(cmath, name)
    out = []
    for z in values:
        try:
            out.append(repr(f(z)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(name, " ".join(out))

for z in values[:12]:
    print(cmath.phase(z), cmath.polar(z), cmath.rect(abs(z), cmath.phase(z)))
print(cmath.rect(2, 0.5), cmath.rect(-1.5, -0.0), cmath.rect(3, math.pi), cmath.rect(0, 1e308))

print(cmath.log(8, 2), cmath.log(100, 10), cmath.log(1j, 1j), cmath.log(-8, 2 + 1j))
print(cmath.log(0j, 2) if False else "skip")
for args in [(2, 1), (2, 0), (0, 2), (0,), (1, 1)]:
    try:
        print(args, cmath.log(*args))
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        print(args, type(e).__name__, e)

print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
print(type(cmath.inf).__name__, type(cmath.infj).__name__, math.isnan(cmath.nanj.imag))

print(cmath.sqrt(4), cmath.sqrt(-4), cmath.sqrt(2.0), cmath.sqrt(True), cmath.exp(10 ** 2))


class C:
    def __complex__(self):
        return 3 + 4j


class F:
    def __float__(self):
        return 2.25


class Bad:
    def __complex__(self):
        return 7


print(cmath.sqrt(C()), cmath.exp(F()), cmath.phase(C()), cmath.polar(F()))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 1.1j, rel_tol=0.2),
      cmath.isclose(0j, 1e-12j, abs_tol=1e-10), cmath.isclose(complex(math.inf, 1), complex(math.inf, 1)),
      cmath.isclose(complex(math.nan, 0), complex(math.nan, 0)))

for label, f in [
    ("str", lambda: cmath.sqrt("1")),
    ("none", lambda: cmath.exp(None)),
    ("bad complex", lambda: cmath.sqrt(Bad())),
    ("no args", lambda: cmath.sqrt()),
    ("two args", lambda: cmath.sqrt(1, 2)),
    ("kw", lambda: cmath.sqrt(z=1)),
    ("log args", lambda: cmath.log(1, 2, 3)),
    ("rect complex", lambda: cmath.rect(1j, 0)),
    ("isclose tol", lambda: cmath.isclose(1, 1, rel_tol=-1)),
    ("isclose pos", lambda: cmath.isclose(1, 1, 0.5)),
    ("big int", lambda: cmath.exp(10 ** 400)),
    ("acos big", lambda: cmath.acos(1e308 + 1e308j)),
    ("atanh 1", lambda: cmath.atanh(1)),
    ("log 0", lambda: cmath.log(0)),
    ("exp big", lambda: cmath.exp(1000)),
]:
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

# complex itself, as the functions above rely on it.
z = complex(3, -4)
print(z, abs(z), z.conjugate(), z * z, z / (1 + 2j), z ** 2, (1 + 1j) ** 0.5, -z, +z)
print(complex("1+2j"), complex(" -3.5e2-0j "), complex(2), complex(1.5, -0.0), repr(complex(-0.0, -0.0)))
print(hash(1 + 0j) == hash(1), 1 + 0j == 1, z.real, z.imag, complex(1, 2) == complex(1, 2))
print(format(1.5 - 2.25j, ".3f"), "{:>20}".format(1j), str(1e300 * 1e300j))
