# object.__setattr__ / object.__delattr__ bypass the class hooks but keep descriptors, slots and errors.
from dataclasses import dataclass
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class P:
    def __init__(self): self._x = 0
    @property
    def x(self): return self._x
    @x.setter
    def x(self, v): print("setter", v); self._x = v
    def __setattr__(self, n, v):
        print("custom", n); object.__setattr__(self, n, v)
p = P()
object.__setattr__(p, "x", 5)
print(p.x, p.__dict__)
class R:
    @property
    def ro(self): return 1
t(lambda: object.__setattr__(R(), "ro", 2))
class S:
    __slots__ = ("a",)
s = S()
object.__setattr__(s, "a", 3); print(s.a)
t(lambda: object.__setattr__(s, "b", 3))
@dataclass(frozen=True)
class F:
    a: int
    b: int = 2
f = F(1)
t(lambda: setattr(f, "a", 5))
print(f, hash(f) == hash(F(1)))
@dataclass(frozen=True, slots=True)
class FS:
    a: int
fs = FS(4); print(fs, fs.a)
t(lambda: setattr(fs, "a", 1))
t(lambda: object.__setattr__(1, "a", 2))
t(lambda: object.__setattr__([], "a", 2))
def fn(): pass
object.__setattr__(fn, "tag", 7); print(fn.tag)
t(lambda: object.__setattr__(p, 1, 2))
class D:
    def __delattr__(self, n): print("custom del", n)
d = D(); d.q = 1
object.__delattr__(d, "q"); print(hasattr(d, "q"))
del d.zz
