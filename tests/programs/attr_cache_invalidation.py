# Attribute and method lookups repeated at the same instruction after the classes, the
# instances or the globals they depend on changed: every read must see the change.


def call_m(o):
    return o.m()


def read_x(o):
    return o.x


def read_cls_attr(k):
    return k.attr


def call_cls_method(k):
    return k.make()


# 1. A method replaced on the class after the call site warmed.
class A:
    def m(self):
        return "A.m"


a = A()
print([call_m(a) for _ in range(3)])
A.m = lambda self: "patched A.m"
print(call_m(a))
del A.m
try:
    call_m(a)
except AttributeError as e:
    print(type(e).__name__, e)


# 2. A base class's method patched after a subclass call site warmed.
class Base:
    def m(self):
        return "Base.m"


class Mid(Base):
    pass


class Leaf(Mid):
    pass


leaf = Leaf()
print([call_m(leaf) for _ in range(3)])
Base.m = lambda self: "patched Base.m"
print(call_m(leaf))
Mid.m = lambda self: "Mid.m"
print(call_m(leaf))
del Mid.m
print(call_m(leaf))


# 3. Assigning __class__ switches the lookup to the other class.
class P:
    x = "P.x"

    def m(self):
        return "P.m"


class Q:
    x = "Q.x"

    def m(self):
        return "Q.m"


p = P()
print([call_m(p) for _ in range(3)], read_x(p))
p.__class__ = Q
print(call_m(p), read_x(p))
p.__class__ = P
print(call_m(p), read_x(p))


# 4. Assigning __bases__ changes the MRO of the class and of its subclasses.
class B1:
    def m(self):
        return "B1.m"

    x = "B1.x"


class B2:
    def m(self):
        return "B2.m"

    x = "B2.x"


class C(B1):
    pass


class D(C):
    pass


c, d = C(), D()
print([call_m(c) for _ in range(2)], [call_m(d) for _ in range(2)], read_x(c), read_x(d))
C.__bases__ = (B2,)
print(call_m(c), call_m(d), read_x(c), read_x(d))


# 5. Deleting a class attribute; then an instance attribute.
class E:
    x = "E.x"


e = E()
print([read_x(e) for _ in range(3)])
del E.x
try:
    read_x(e)
except AttributeError as err:
    print(type(err).__name__, err)
e.x = "instance x"
print(read_x(e))
del e.x
E.x = "E.x again"
print(read_x(e))


# 6. An instance dict entry shadows a non-data descriptor (a method) on the class.
class F:
    def m(self):
        return "F.m"


fo = F()
print([call_m(fo) for _ in range(3)])
fo.m = lambda: "instance m"
print(call_m(fo))
del fo.m
print(call_m(fo))


# 7. A data descriptor added to the class later takes precedence over the instance dict.
class G:
    pass


g = G()
g.x = "instance x"
print([read_x(g) for _ in range(3)])
G.x = property(lambda self: "property x")
print(read_x(g))
del G.x
print(read_x(g))


class Desc:
    def __get__(self, obj, owner=None):
        return "Desc.__get__"

    def __set__(self, obj, value):
        raise AttributeError("read-only")


G.x = Desc()
print(read_x(g))
del G.x
print(read_x(g))


# 8. Class attributes read through the class: rebinding, classmethod, staticmethod.
class H:
    attr = 1

    @classmethod
    def make(cls):
        return "made by " + cls.__name__


class HSub(H):
    pass


print([read_cls_attr(H) for _ in range(3)], [call_cls_method(HSub) for _ in range(3)])
H.attr = 2
print(read_cls_attr(H), read_cls_attr(HSub))
HSub.attr = 3
print(read_cls_attr(H), read_cls_attr(HSub))
H.make = staticmethod(lambda: "static make")
print(call_cls_method(HSub))
H.make = classmethod(lambda cls: "new classmethod on " + cls.__name__)
print(call_cls_method(HSub))
del HSub.attr
print(read_cls_attr(HSub))


# 9. A method defined on a subclass later shadows the inherited one.
class I0:
    def m(self):
        return "I0.m"


class I1(I0):
    pass


objs = [I0(), I1()]
print([call_m(o) for o in objs for _ in range(2)])
I1.m = lambda self: "I1.m"
print([call_m(o) for o in objs])


# 10. A builtin shadowed through the module's globals, then deleted again.
def use_len(s):
    return len(s)


print([use_len("abc") for _ in range(3)])
len = lambda s: "shadowed len"
print(use_len("abc"))
del len
print(use_len("abc"))
import builtins

saved = builtins.len
builtins.len = lambda s: "builtins.len replaced"
print(use_len("abc"))
builtins.len = saved
print(use_len("abc"))


# 11. == and != between instances start using __eq__ / __ne__ once the class gains them.
class J:
    pass


j1, j2 = J(), J()


def eqs(x, y):
    return (x == y, x != y, x == x, x != x)


print(eqs(j1, j2), eqs(j1, j2))
J.__eq__ = lambda self, other: True
print(eqs(j1, j2))
J.__ne__ = lambda self, other: "ne called"
print(eqs(j1, j2))
del J.__eq__
print(eqs(j1, j2))
del J.__ne__
print(eqs(j1, j2))


# 12. A class made again with the same shape (a fresh class at each call) is not confused
# with an earlier one.
def make_class(v):
    class K:
        def m(self):
            return v

    return K()


print([call_m(make_class(i)) for i in range(5)])


# 13. __getattr__ added later answers only what the MRO misses.
class L:
    y = "L.y"


lo = L()


def read_y(o):
    return o.y


def read_z(o):
    return getattr(o, "z", "no z")


print([read_y(lo) for _ in range(2)], read_z(lo))
L.__getattr__ = lambda self, name: "getattr " + name
print(read_y(lo), read_z(lo))
del L.y
print(read_y(lo))


# 14. Changes through setattr/delattr on the class and through a metaclass's attributes.
class M:
    def m(self):
        return "M.m"


mo = M()
print([call_m(mo) for _ in range(2)])
setattr(M, "m", lambda self: "setattr M.m")
print(call_m(mo))
delattr(M, "m")
print(hasattr(mo, "m"))


class Meta(type):
    attr = "Meta.attr"


class WithMeta(metaclass=Meta):
    pass


print([read_cls_attr(WithMeta) for _ in range(2)])
WithMeta.attr = "own attr"
print(read_cls_attr(WithMeta))
del WithMeta.attr
print(read_cls_attr(WithMeta))


# 15. __class__ assignment errors.
for bad in (1, int, list):
    try:
        p.__class__ = bad
    except TypeError as err:
        print(type(err).__name__, err)


class Slotted:
    __slots__ = ("a",)


try:
    p.__class__ = Slotted
except TypeError as err:
    print(type(err).__name__, err)
print(type(p).__name__)


# 16. Instance attributes at different dict positions read and rebound at one instruction.
class N:
    pass


def read_and_bump(o):
    o.v = o.v + 1
    return o.v


objs = []
for order in range(4):
    o = N()
    for k in range(order):
        setattr(o, "pad%d" % k, k)
    o.v = order * 10
    objs.append(o)
print([read_and_bump(o) for o in objs for _ in range(2)])
del objs[1].pad0
objs[1].pad0 = "again"
print([read_and_bump(o) for o in objs])
del objs[2].v
try:
    read_and_bump(objs[2])
except AttributeError as err:
    print(type(err).__name__, err)
objs[2].__dict__ = {"v": 100}
objs[3].__dict__.clear()
objs[3].__dict__["v"] = -1
print([read_and_bump(o) for o in objs])
