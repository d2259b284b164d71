# Weak references to objects the cycle collector frees are cleared first; the callbacks of
# live weak references run, those of weak references freed with the cycle do not.
import gc
import _weakref

class Obj:
    pass

calls = []
def cb(r):
    calls.append("callback")

a = Obj()
b = Obj()
a.b = b
b.a = a
r_live = _weakref.ref(a, cb)
del a, b
print("before", r_live() is not None)
n = gc.collect()
print(n >= 2, r_live() is None, calls)

# A weak reference that is itself garbage calls nothing.
c = Obj()
c.self = c
c.r = _weakref.ref(c, cb)
del c
calls.clear()
print(gc.collect() >= 1, calls)
