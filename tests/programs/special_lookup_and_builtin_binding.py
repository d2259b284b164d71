# Special methods found on the type are looked up as CPython does (a descriptor's __get__ runs
# first and may raise; staticmethod/classmethod/callable objects work), and a built-in
# function stored as a class attribute does not bind the instance.
import math
import operator


class BadDescr:
    def __get__(self, obj, objtype=None):
        raise ValueError("from __get__")


class C:
    __ceil__ = BadDescr()
    __floor__ = staticmethod(lambda: 7)
    __trunc__ = classmethod(lambda cls: cls.__name__)


class D:
    class __ceil__:
        def __init__(self, *a):
            self.a = a


class Callable:
    def __call__(self, *a):
        return ("called", len(a))


class E:
    __floor__ = Callable()


for f in (math.ceil, math.floor, math.trunc):
    try:
        print(f.__name__, f(C()))
    except Exception as e:
        print(f.__name__, type(e).__name__, e)
r = math.ceil(D())
print(type(r).__name__, r.a, math.floor(E()))


class T:
    isclose = math.isclose
    sqrt = math.sqrt
    total = sum
    length = len
    add = operator.add
    fsum = math.fsum


t = T()
print(t.isclose(1.0, 1.0), t.sqrt(4), t.total([1, 2]), t.length("abc"), t.add(1, 2), t.fsum([0.1] * 10))
print(T.isclose is math.isclose, t.sqrt is math.sqrt, t.total is sum)
try:
    t.isclose(1.0)
except TypeError as e:
    print(type(e).__name__, e)
