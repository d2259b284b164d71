# Argument errors of built-in functions and math functions, worded as CPython 3.11 words them.
import math


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


class C:
    pass


c = C()
show(lambda: sum())
show(lambda: sum(1, 2, 3))
show(lambda: sum(x=1, y=2))
show(lambda: sum([1], y=2))
show(lambda: sum([1, 2], start=10))
show(lambda: round())
show(lambda: round(x=1))
show(lambda: round(1, 2, 3))
show(lambda: round(number=1.26, ndigits=1))
show(lambda: reversed(5))
show(lambda: reversed(1.5))
show(lambda: list(reversed("abc")))
show(lambda: hasattr(c, 1))
show(lambda: getattr(c, 1))
show(lambda: setattr(c, 2, 3))
show(lambda: delattr(c, 2))
show(lambda: super(1, 2))
show(lambda: super(c, 2))
show(lambda: math.pow(2, 10))
show(lambda: math.pow(-8, 0.5))
show(lambda: math.pow(0, -1))
show(lambda: math.pow(10, 400))
show(lambda: math.pow(2))
show(lambda: math.pow(x=2, y=3))
show(lambda: pow(base=3, exp=2))
show(lambda: math.fsum([]))
show(lambda: math.fsum([math.inf, 1.0]))
show(lambda: math.fsum([math.inf, -math.inf]))
show(lambda: math.fsum([1e308, 1e308, -1e308]))
