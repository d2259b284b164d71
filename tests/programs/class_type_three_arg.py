# type(name, bases, dict) and type.__new__ from metaclasses.
def method(self):
    return "method of " + type(self).__name__


C = type("C", (), {"x": 1, "method": method})
c = C()
print(C.__name__, C.x, c.method(), type(C) is type, C.__bases__[0].__name__)
print(C.__module__, C.__qualname__)


class Base:
    def hello(self):
        return "hello from base"


D = type("D", (Base,), {"y": 2})
print(D().hello(), D.y, [k.__name__ for k in D.__mro__], issubclass(D, Base))

# Errors of the three-argument form.
for args in [("E", 1, {}), ("E", (), []), (1, (), {}), ("E", (1,), {}), ("E", ())]:
    try:
        type(*args)
    except TypeError as e:
        print(type(e).__name__, e)

# type.__new__ and type.__init__ called directly.
T = type.__new__(type, "T", (Base,), {"z": 3})
print(T.__name__, T.z, T().hello())


class Meta(type):
    pass


M = Meta("M", (), {"w": 4})
print(type(M).__name__, M.w)
N = type("N", (M,), {})
print(type(N).__name__)
print(type(type).__name__, type(Meta).__name__, type(object).__name__)


# type.__call__ and type.__new__ used explicitly.
class Meta2(type):
    def __new__(mcs, name, bases, ns):
        ns["tag"] = "m2"
        return type.__new__(mcs, name, bases, ns)

    def __call__(cls, *a, **k):
        inst = type.__call__(cls, *a, **k)
        inst.extra = True
        return inst


class U(metaclass=Meta2):
    def __init__(self, v):
        self.v = v


u = U(3)
print(U.tag, u.v, u.extra)

# __init_subclass__ and __set_name__ also run for classes made by type().
class Hooked:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)


class Named:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)


H = type("H", (Hooked,), {"n": Named()})
print(H.__name__)

# Instances of a class created by type() with __slots__ and __init__.
S = type("S", (), {"__slots__": ("a",), "__init__": lambda self, a: setattr(self, "a", a)})
s = S(5)
print(s.a, hasattr(s, "__dict__"))
print(repr(C)[:17], repr(M)[:17])
