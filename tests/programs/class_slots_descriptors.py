# __slots__: no instance __dict__, unknown attributes refused, slot descriptors on the class.
class P:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


p = P(1)
print(p.x, hasattr(p, "__dict__"), hasattr(p, "y"))
try:
    p.y
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p.z = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p.__dict__
except AttributeError as e:
    print(type(e).__name__, e)
p.y = 2
del p.y
try:
    del p.y
except AttributeError as e:
    print(type(e).__name__, e)
print(P.__slots__)


# A single string is one slot.
class One:
    __slots__ = "only"


o = One()
o.only = "v"
print(o.only, One.__slots__)
try:
    o.other = 1
except AttributeError as e:
    print(type(e).__name__, e)


# A subclass without __slots__ gets a __dict__ again.
class Free(P):
    pass


f = Free(3)
f.z = 4
print(f.x, f.z)


# Subclass slots add to the base's.
class Q(P):
    __slots__ = ("w",)


q = Q(5)
q.w = 6
print(q.x, q.w)
try:
    q.v = 1
except AttributeError as e:
    print(type(e).__name__, e)


# __dict__ in __slots__ restores dynamic attributes.
class D:
    __slots__ = ("a", "__dict__")


d = D()
d.a = 1
d.b = 2
print(d.a, d.b)


# A slot conflicting with a class variable.
try:
    class Conflict:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print(type(e).__name__, e)


# Class attributes remain readable through instances; not writable through them.
class CV:
    __slots__ = ("s",)
    k = "class"


cv = CV()
print(cv.k)
try:
    cv.k = "inst"
except AttributeError as e:
    print(type(e).__name__, e)
