# complex: literals, arithmetic with int and float, repr, equality, hashing, errors.
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


a = 2 + 3j
b = 1 - 1j
print(a, b, 1j, -1j, 0j, -0j, 1.5j, 2j * 2j)
print(a + b, a - b, a * b, a / b, a ** 2, a ** -1, 2 ** a, a ** 0.5, 1 + a, 2.5 * a, a - 1)
print(-a, +a, abs(3 + 4j), abs(-2j), a.real, a.imag, a.conjugate(), type(a.real).__name__)
print(a == 2 + 3j, 1 + 0j == 1, 1.5 + 0j == 1.5, 2j == 2, 1 == 1 + 0j, a != b, True == 1 + 0j)
print(hash(1 + 0j) == hash(1), hash(1.5 + 0j) == hash(1.5), hash(a), hash(-1 + 0j), hash(1j))
print(bool(0j), bool(1j), bool(0.0 + 0j), {1: "int", 1 + 0j: "complex"})
print(isinstance(a, complex), type(a).__name__, type(a) is complex, complex)
print(repr(complex(-0.0, -1)), repr(complex(1e16, 1e-5)), repr(complex(float("nan"), float("inf"))))
print(repr(complex(0, -0.0)), repr(complex(-0.0, 0)), repr(1e300j * 1e300j))
print((1 + 2j) * 1e308, 3j ** 2, (1j) ** 3, 2 ** 0.5j)
print(pow(-2, 0.5), (-8) ** (1 / 3), (-1) ** 0.5, (-2.0) ** 1.5, pow(2, -1))
print(complex(), complex(3), complex(2.5, 1), complex(1j, 1j), complex(1 + 2j), complex(imag=2))
print(complex("1+2j"), complex(" ( -3.5-4J ) "), complex("j"), complex("-j"), complex("1e3"),
      complex("inf-nanj"), complex("1_000+2_0j"), complex(real=1, imag=2))
attempt("ordering", lambda: 1j < 2j)
attempt("ordering int", lambda: 1j > 1)
attempt("floordiv", lambda: 1j // 2)
attempt("mod", lambda: 1j % 2)
attempt("div zero", lambda: 1j / 0)
attempt("div zero complex", lambda: 1 / 0j)
attempt("zero power", lambda: 0j ** -1)
attempt("zero complex power", lambda: 0j ** 1j)
attempt("overflow", lambda: (1e200 + 1e200j) ** 50)
attempt("abs overflow", lambda: abs(complex(1e308, 1e308)))
attempt("bad string", lambda: complex("1+"))
attempt("bad underscore", lambda: complex("1__0"))
attempt("string and imag", lambda: complex("1", 2))
attempt("imag string", lambda: complex(1, "2"))
attempt("list", lambda: complex([]))
attempt("second list", lambda: complex(1, []))
attempt("int conversion", lambda: int(1j))
attempt("float conversion", lambda: float(1j))
attempt("round", lambda: round(1j))
attempt("bitwise", lambda: 1j & 1)
attempt("too many", lambda: complex(1, 2, 3))
attempt("big int", lambda: 10 ** 400 + 1j)


class WithComplex:
    def __complex__(self):
        return 5 - 1j


class WithFloat:
    def __float__(self):
        return 2.5


print(complex(WithComplex()), complex(WithFloat()), complex(WithFloat(), WithFloat()))
print(sum([1j, 2, 3.5]), [x * 1j for x in range(3)], (1 + 1j) in [1 + 1j], max([1, 2]) * 1j)
