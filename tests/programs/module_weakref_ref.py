import _weakref
from _weakref import ref, proxy, getweakrefcount, getweakrefs


class C:
    def __init__(self, name):
        self.name = name

    def method(self):
        return "method of " + self.name

    def __repr__(self):
        return "C(%s)" % self.name


events = []


def callback(r):
    events.append(("callback", r() is None))


a = C("a")
r = ref(a)
print(r() is a, r().name, getweakrefcount(a))
print(ref(a) is r, ref(a, callback) is r)
r2 = ref(a, callback)
print(getweakrefcount(a), getweakrefs(a)[0] is r, r2.__callback__ is callback)
print(r == r2, r != r2, hash(r) == hash(a), r.__callback__)
del a
print("after del", events, r(), r2(), r2.__callback__)
print(getweakrefcount(C("x")))

# Callbacks run newest first, once.
order = []
b = C("b")
refs = [ref(b, lambda w, i=i: order.append(i)) for i in range(3)]
del b
print(order)

# A reference that dies before its referent never calls back.
c = C("c")
w = ref(c, lambda w: print("never"))
del w
del c
print("no callback")

# Hash is kept after death; equality falls back to identity.
d = C("d")
rd1, rd2 = ref(d), ref(d, callback)
h = hash(rd1)
del d
print(hash(rd1) == h, rd1 == rd2, rd1 == rd1)
e = C("e")
re_ = ref(e)
del e
try:
    hash(re_)
except TypeError as exc:
    print(type(exc).__name__, exc)

# Objects CPython cannot weakly reference.
for obj in [1, "s", (1,), [1], {}, 1.5, None, True, b"x", object(), range(3)]:
    try:
        ref(obj)
    except TypeError as exc:
        print(type(exc).__name__, exc)


class Slotted:
    __slots__ = ("x",)


class SlottedWeak:
    __slots__ = ("x", "__weakref__")


class MyInt(int):
    pass


class MyList(list):
    pass


for obj in [Slotted(), SlottedWeak(), MyInt(3), MyList(), set(), frozenset(), C, len, callback]:
    try:
        print(type(ref(obj)()).__name__)
    except TypeError as exc:
        print(type(exc).__name__, exc)


# Subclasses with extra state, as weakref.KeyedRef does.
class KeyedRef(ref):
    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        self = ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


f = C("f")
seen = []
k = KeyedRef(f, lambda w: seen.append(w.key), "the key")
print(type(k).__name__, k.key, k() is f, isinstance(k, ref), getweakrefcount(f))
del f
print(seen, k())

# Proxies.
g = C("g")
p = proxy(g)
print(p.name, p.method(), str(p), getweakrefcount(g), proxy(g) is p)
p.name = "G"
print(g.name)
try:
    hash(p)
except TypeError as exc:
    print(type(exc).__name__, exc)
cp = proxy(C.method)
print(type(p).__name__, type(cp).__name__, cp(g))
del g
try:
    p.name
except ReferenceError as exc:
    print(type(exc).__name__, exc)

# _remove_dead_weakref.
h1 = C("h1")
d = {"live": ref(h1)}
h2 = C("h2")
d["dead"] = ref(h2)
del h2
_weakref._remove_dead_weakref(d, "dead")
_weakref._remove_dead_weakref(d, "live")
_weakref._remove_dead_weakref(d, "missing")
print(sorted(d))

print(ref.__name__, _weakref.ReferenceType is ref, ref.__module__)
for args in [(), (C("z"), None, 3)]:
    try:
        ref(*args)
    except TypeError as exc:
        print(type(exc).__name__, exc)
try:
    ref(C("z"), callback=None)
except TypeError as exc:
    print(type(exc).__name__, exc)
try:
    r.__callback__ = None
except AttributeError as exc:
    print(type(exc).__name__, exc)
