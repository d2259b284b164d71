# Class features: descriptors, __set_name__, __init_subclass__ kwargs, slots, MRO and layout errors, __class_getitem__, metaclass __prepare__, class-body scopes, __del__ order.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class D:
    def __get__(self, obj, typ=None):
        return ("get", obj is None, typ.__name__)
    def __set__(self, obj, v):
        obj.__dict__["d"] = v * 10
    def __delete__(self, obj):
        print("delete")
class C:
    d = D()
c = C()
print(c.d, C.d)
c.d = 3
print(c.__dict__, c.d)
del c.d
class ND:
    def __get__(self, o, t=None): return "nd"
class C2:
    x = ND()
c2 = C2(); c2.x = 5; print(c2.x, C2.x)
class SN:
    def __set_name__(self, owner, name): print("set_name", owner.__name__, name)
class H:
    a = SN()
    b = SN()
class Base:
    def __init_subclass__(cls, /, tag=None, **kw):
        super().__init_subclass__(**kw)
        print("init_subclass", cls.__name__, tag)
class Sub(Base, tag="x"): pass
t(lambda: type("Sub2", (Base,), {}, tag=1))
t(lambda: type("Bad", (Base,), {}, bogus=1))
class Sl:
    __slots__ = ("a", "b")
s = Sl()
t(lambda: s.a)
t(lambda: setattr(s, "c", 1))
t(lambda: s.__dict__)
class Sl2(Sl):
    pass
s2 = Sl2(); s2.c = 5; print(s2.c, Sl2.__slots__ if hasattr(Sl2, "__slots__") else None)
t(lambda: type("X", (), {"__slots__": ("a",), "a": 1}))
class SlD:
    __slots__ = ("__dict__", "x")
sd = SlD(); sd.y = 1; sd.x = 2; print(sd.__dict__)
t(lambda: exec("class A: pass\nclass B(A): pass\nclass C(A, B): pass"))
t(lambda: exec("class A: pass\nclass B: pass\nclass X(A, B): pass\nclass Y(B, A): pass\nclass Z(X, Y): pass"))
t(lambda: exec("class A(int, str): pass"))
t(lambda: exec("class A(1): pass"))
class G:
    def __class_getitem__(cls, item): return (cls.__name__, item)
print(G[int], G[1, 2])
t(lambda: int[1])
print(list[int], dict[str, int], type(list[int]).__name__, list[int].__origin__, tuple[int, ...])
class Meta(type):
    def __new__(m, name, bases, ns, **kw):
        print("meta new", name, sorted(k for k in ns if not k.startswith("__")), kw)
        return super().__new__(m, name, bases, ns)
    @classmethod
    def __prepare__(m, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 1}
class WithMeta(metaclass=Meta, flag=True):
    x = 1
print(WithMeta.injected, type(WithMeta).__name__)
class A:
    x = 1
    y = [x for _ in range(2)] if False else None
    z = (lambda: x)
t(lambda: A.z())
class B:
    v = 5
    w = [v * i for i in range(3)] if False else 0
t(lambda: exec("class Q:\n    v = 5\n    w = [v for i in range(2)]"))
t(lambda: exec("class Q:\n    v = 5\n    w = [i for i in range(v)]\nprint(Q.w)"))
def outer():
    x = 1
    class In:
        y = x
        x = 2
        z = x
    return In.y, In.z
print(outer())
def outer2():
    x = 1
    def f():
        nonlocal x
        x += 1
        return x
    f(); f()
    return x
print(outer2())
t(lambda: exec("def f():\n    nonlocal q"))
t(lambda: exec("def f():\n    x = 1\n    global x"))
t(lambda: exec("x = 1\ndef f():\n    print(x)\n    x = 2\nf()"))
class Order:
    def __del__(self): print("del", self.n)
o1 = Order(); o1.n = 1
o2 = Order(); o2.n = 2
del o1
o2 = None
print("end")
t(lambda: super())
class SS:
    def m(self): return super().__repr__()[:4]
print(SS().m())
print(C.__mro__[0].__name__, [k.__name__ for k in Sub.__mro__], Sub.__bases__[0].__name__)
print(type.__name__, type(type).__name__, isinstance(type, object), issubclass(bool, int))
t(lambda: issubclass(1, int))
t(lambda: isinstance(1, (int, (str, 1))))
t(lambda: isinstance(1, (str, (float, 1))))
