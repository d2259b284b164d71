# Metaclasses: metaclass= keyword, derived metaclass, __new__/__init__/__call__, visibility.
log = []


class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        log.append(("new", mcs.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw))
        cls = super().__new__(mcs, name, bases, ns)
        cls.created_by = mcs.__name__
        return cls

    def __init__(cls, name, bases, ns, **kw):
        log.append(("init", name, kw))
        super().__init__(name, bases, ns)

    def meta_method(cls):
        return "meta_method on " + cls.__name__

    meta_attr = 42


class A(metaclass=Meta):
    x = 1

    def f(self):
        return "f"


print(log)
print(type(A) is Meta, type(A).__name__, isinstance(A, Meta), isinstance(A, type))
print(A.created_by, A.meta_method(), A.meta_attr, A.x, A().f())
a = A()
for name in ["meta_method", "meta_attr", "created_by"]:
    try:
        print(name, getattr(a, name))
    except AttributeError as e:
        print(type(e).__name__, e)


class B(A):
    y = 2


print(log[-2:])
print(type(B) is Meta, B.created_by, B.meta_method(), B.y, B.x)


class Counting(type):
    def __call__(cls, *args, **kwargs):
        cls.instances = getattr(cls, "instances", 0) + 1
        inst = super().__call__(*args, **kwargs)
        inst.tag = "made"
        return inst


class P(metaclass=Counting):
    def __init__(self, v):
        self.v = v


p1 = P(1)
p2 = P(v=2)
print(P.instances, p1.v, p2.v, p1.tag, type(p1) is P)


class Singleton(type):
    _inst = {}

    def __call__(cls, *a):
        if cls not in Singleton._inst:
            Singleton._inst[cls] = super().__call__(*a)
        return Singleton._inst[cls]


class S(metaclass=Singleton):
    pass


print(S() is S(), type(S).__name__)


# Metaclass conflict.
class M1(type):
    pass


class M2(type):
    pass


class X1(metaclass=M1):
    pass


class X2(metaclass=M2):
    pass


try:
    class X3(X1, X2):
        pass
except TypeError as e:
    print(type(e).__name__, e)


# The most derived metaclass wins.
class M3(M1):
    pass


class Y(X1, metaclass=M3):
    pass


class Z(X1):
    pass


print(type(Y).__name__, type(Z).__name__)


class W(metaclass=M1):
    pass


class V(W, Y):
    pass


print(type(V).__name__)


# A metaclass given as a plain function.
def func_meta(name, bases, ns, **kw):
    ns["added"] = name.lower()
    return type(name, bases, ns)


class F(metaclass=func_meta):
    pass


print(F.added, type(F) is type)


# Keyword arguments reach __new__ and __init__ of the metaclass.
class KW(metaclass=Meta, flag=True):
    pass


print(log[-2:])


# Metaclass property and repr on a class.
class RM(type):
    def __repr__(cls):
        return "<RM " + cls.__name__ + ">"

    @property
    def upper(cls):
        return cls.__name__.upper()


class R(metaclass=RM):
    pass


print(repr(R), R.upper, str(R))
print([c.__name__ for c in type(R).__mro__])

try:
    class Bad(metaclass=Meta):
        raise ValueError("in body")
except ValueError as e:
    print(type(e).__name__, e)
