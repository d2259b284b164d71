# Assigning a class's __bases__ recomputes its MRO and its subclasses' (or raises CPython's
# TypeError); __name__/__qualname__ assignment and built-in types' immutability.
class A:
    def f(self): return "A"
class B:
    def f(self): return "B"
class C(A): pass
c = C()
print(c.f(), C.__bases__, C.__mro__)
C.__bases__ = (B,)
print(c.f(), C.__bases__, C.__mro__)
try:
    C.__bases__ = ()
except TypeError as e: print(type(e).__name__, e)
try:
    C.__bases__ = (1,)
except TypeError as e: print(type(e).__name__, e)
try:
    C.__bases__ = A
except TypeError as e: print(type(e).__name__, e)
try:
    A.__bases__ = (C,)
except TypeError as e: print(type(e).__name__, e)
class D(C): pass
C.__bases__ = (A,)
print(D().f(), D.__mro__)
try:
    C.__bases__ = (list,)
except TypeError as e: print(type(e).__name__, e)
try:
    int.__bases__ = (object,)
except TypeError as e: print(type(e).__name__, e)
try:
    del C.__bases__
except TypeError as e: print(type(e).__name__, e)
print(C.__name__)
C.__name__ = "CC"
print(C.__name__, C, C.__qualname__)
for n in ['__mro__', '__name__', '__qualname__']:
    try: delattr(C, n)
    except Exception as e: print(type(e).__name__, e)
try: del int.x
except Exception as e: print(type(e).__name__, e)
try: int.x = 1
except Exception as e: print(type(e).__name__, e)
try: ValueError.x = 1
except Exception as e: print(type(e).__name__, e)
try: C.__name__ = 1
except Exception as e: print(type(e).__name__, e)
try: C.__mro__ = ()
except Exception as e: print(type(e).__name__, e)
C.__qualname__ = "Q"
print(C, C.__qualname__)
class X: pass
class Y: pass
class Z(X):
    class Inner(X): pass
def g():
    return Z().who()
X.who = lambda self: "X"
Y.who = lambda self: "Y"
print(g(), Z.Inner().who())
class W(X): pass
W.__bases__ = (Y,)
print(W().who(), [k.__name__ for k in W.__mro__])
class P(X): pass
class Q(P): pass
P.__bases__ = (Y,)
print(Q().who(), [k.__name__ for k in Q.__mro__])
