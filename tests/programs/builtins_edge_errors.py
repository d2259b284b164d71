# Builtins on edge inputs: pow of negative floats, sum's start checks, attribute names,
# list.sort with a mutating key, instances of object, property and staticmethod attributes.

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: pow(-2, 2000.5))
t(lambda: pow(2, 2000.5))
t(lambda: pow(10.0, 400))
t(lambda: 10.0 ** -400)
t(lambda: pow(0.0, -1))
t(lambda: 0 ** -1)
t(lambda: pow(2, -1, 5))
t(lambda: pow(2, 3, 0))
t(lambda: pow(2, 0.5, 3))
t(lambda: pow(-1.0, float("inf")))
t(lambda: pow(float("nan"), 0))
t(lambda: hasattr(1, 2))
t(lambda: getattr(1, 2))
t(lambda: setattr(1, 2, 3))
t(lambda: delattr(1, 2))
t(lambda: sum([], b"x"))
t(lambda: sum([], "x"))
t(lambda: sum([], bytearray()) if False else 0)
t(lambda: sum(["a"], ""))
t(lambda: sum([[1], [2]], []))
t(lambda: sum([1, 2], start=10))
t(lambda: sum([0.1] * 10))
t(lambda: sum([1, 2.5, 2**70]))
def f1():
    o = object()
    o.a = 1
t(f1)
def f2():
    o = object()
    return o.__dict__
t(f2)
t(lambda: hasattr(object(), "__dict__"))
class P:
    @property
    def foo(self):
        return 1
    @staticmethod
    def s():
        return 2
    @classmethod
    def c(cls):
        return 3
t(lambda: type(P.foo))
t(lambda: type(P.__dict__["s"]))
t(lambda: type(P.__dict__["c"]))
t(lambda: type(staticmethod(len)))
t(lambda: type(classmethod(len)))
t(lambda: type(property()))
t(lambda: isinstance(P.foo, property))
t(lambda: P.foo.fget(None))
t(lambda: P.foo.__get__(P()))
t(lambda: P.__dict__["s"].__func__())
t(lambda: property.__name__)
t(lambda: staticmethod.__name__)
def f3():
    a = [3, 1, 2]
    a.sort(key=lambda x: a.append(x) or x)
    return a
t(f3)
def f4():
    a = [3, 1, 2]
    a.sort(key=lambda x: a.clear() or x)
    return a
t(f4)
def f5():
    a = [3, 1, 2]
    def k(x):
        a[0] = 5
        return x
    a.sort(key=k)
    return a
t(f5)
def f6():
    a = [3, 1, 2]
    def cmp(x):
        return x
    a.sort(key=cmp, reverse=True)
    return a
t(f6)
def f7():
    a = [3, 1, 2, 0]
    class K:
        def __init__(s, v): s.v = v
        def __lt__(s, o):
            a.append(1)
            return s.v < o.v
    a.sort(key=K)
    return a
t(f7)
t(lambda: sorted([3,1,2], key=lambda x: -x))

t(lambda: pow(-1e300, 2000.5))
t(lambda: pow(-float("inf"), 0.5))
t(lambda: pow(-float("inf"), 2000.5))
t(lambda: pow(2, 3, 0.5))
t(lambda: pow("a", 2, 3))
t(lambda: pow(3, 4, 5))
t(lambda: hasattr(1, None))
t(lambda: getattr([], b"append"))
def f8():
    a = [3, 1, 2]
    def k(x):
        a.append(x)
        a.pop()
        return x
    a.sort(key=k)
    return a
t(f8)
def f9():
    a = [3, 1, 2]
    try:
        a.sort(key=lambda x: a.append(x) or x)
    except ValueError:
        pass
    return a
t(f9)
def f10():
    o = object()
    object.__setattr__(o, "x", 1)
t(f10)
class S:
    pass
def f11():
    s = S()
    s.a = 1
    return s.__dict__
t(f11)
class WithProp:
    def _g(self):
        return "got"
    def _s(self, v):
        pass
    p = property(_g, _s)
t(lambda: WithProp.p.fget is WithProp._g)
t(lambda: WithProp.p.fset is WithProp._s)
t(lambda: WithProp.p.fdel)
t(lambda: WithProp.p.__get__(None, WithProp) is WithProp.p)
t(lambda: WithProp.p.__get__(WithProp()))
t(lambda: property().__get__(1))
t(lambda: P.__dict__["c"].__func__(P))
