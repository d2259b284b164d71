# super() forms inside classes and metaclasses, metaclass __call__, class methods of type.
class A:
    def f(self):
        return "A.f"
    @classmethod
    def cm(cls):
        return "A.cm " + cls.__name__
class B(A):
    def f(self):
        return "B>" + super(B, self).f() + "|" + super().f()
    @classmethod
    def cm(cls):
        return "B>" + super().cm() + "|" + super(B, cls).cm()
print(B().f(), B.cm())
s = super(B, B())
print(s.f())
class M(type):
    def make(cls):
        return super().__call__()
    def __call__(cls, *a):
        return "no instance"
class C(metaclass=M):
    def who(self):
        return __class__.__name__
print(C(), type(C.make()).__name__, C.make().who())
print(C.__class__.__name__, type(C).__class__.__name__)
print([C, int])
class N(type):
    def __call__(cls, *a):
        return 5
class D(metaclass=N):
    def __init__(self):
        print("never")
print(D())
class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns["__annotations__"] = ns.get("__annotations__", {})
        return super().__new__(mcs, name, bases, ns)
class E(metaclass=Meta):
    x = 3
print(E.__annotations__, E.x)
print(type.__name__, type(type).__name__, isinstance(type, type), isinstance(C, type), issubclass(M, type))
print(M.__mro__, C.mro())
class CM(type):
    @classmethod
    def info(mcs):
        return mcs.__name__
    @staticmethod
    def st():
        return "st"
class F(metaclass=CM): pass
print(F.info(), F.st(), CM.info())
print(callable(F), hasattr(F, "info"), hasattr(F(), "info"))
print(type(F).__name__, F.__name__, F.__qualname__, F.__module__)
class G:
    def __init_subclass__(cls, /, **kw):
        super().__init_subclass__()
        cls.kw = kw
class H(G, a=1): pass
class I(H, b=2): pass
print(H.kw, I.kw)
print(vars(G).get("__init_subclass__").__class__.__name__)
try:
    type("X", (), {}, extra=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    type()
except TypeError as e:
    print(type(e).__name__, e)
try:
    type(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
