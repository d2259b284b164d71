class M(type):
    def __setattr__(cls, n, v):
        print("meta set", n); super().__setattr__(n, v)
    def __delattr__(cls, n):
        print("meta del", n); super().__delattr__(n)
class C(metaclass=M): pass
C.x = 1
print(C.x)
del C.x
setattr(C, "y", 2)
print(C.y)
import enum
class E(enum.Enum):
    A = 1
try: E.A = 2
except AttributeError as e: print(e)
try: del E.A
except AttributeError as e: print(e)
E.other = 5
print(E.other)
class M2(type):
    def __setattr__(cls, n, v):
        if n.startswith("_"): raise AttributeError("private " + n)
        type.__setattr__(cls, n, v)
class K(metaclass=M2):
    pass
K.a = 1
try: K._b = 2
except AttributeError as e: print(e)
print(K.a, hasattr(K, "_b"))
type.__setattr__(K, "z", 3); print(K.z); type.__delattr__(K, "z"); print(hasattr(K, "z"))
try: type.__setattr__(int, "z", 3)
except TypeError as e: print(e)
try: object.__setattr__(K, "q", 1)
except TypeError as e: print(e)
class Pl: pass
Pl.x = 5; del Pl.x; print(hasattr(Pl, "x"))
