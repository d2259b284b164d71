# A cached method site (LOAD_METHOD / LOAD_ATTR on instances) while the instance's own dict
# changes between calls: shadowing, deleting, replacing `__dict__`, rebinding the class
# attribute, assigning `__class__`, and dicts whose keys are deleted, cleared and refilled.


class A:
    def f(self):
        return "A.f"

    def g(self):
        return "A.g"


class B:
    def f(self):
        return "B.f"


def call_f(o):
    return o.f()


def read_f(o):
    return o.f


a = A()
out = []
for step in range(6):
    if step == 1:
        a.f = lambda: "instance f"
    if step == 2:
        del a.f
    if step == 3:
        a.__dict__["f"] = lambda: "via __dict__"
    if step == 4:
        a.__dict__ = {"x": 1}
    if step == 5:
        a.__dict__ = {"f": lambda: "new dict f"}
    out.append(call_f(a))
print(out)

# Many attributes, then the shadowing one among them, then removed again.
a2 = A()
for i in range(40):
    setattr(a2, "attr%d" % i, i)
print(call_f(a2))
a2.f = lambda: "shadow among 40"
print(call_f(a2))
del a2.f
print(call_f(a2))
for i in range(40):
    delattr(a2, "attr%d" % i)
print(call_f(a2), sorted(vars(a2)))
a2.__dict__.clear()
print(call_f(a2))
a2.__dict__.update({"f": lambda: "after clear"})
print(call_f(a2))
a2.__dict__.pop("f")
print(call_f(a2))

# The class attribute rebound and deleted between calls.
a3 = A()
print(call_f(a3))
A.f = lambda self: "rebound A.f"
print(call_f(a3))
del A.f
try:
    call_f(a3)
except AttributeError as e:
    print(type(e).__name__, e)
A.f = lambda self: "restored"
print(call_f(a3), read_f(a3)())

# `__class__` assigned between calls of the same site.
a4 = A()
print(call_f(a4))
a4.__class__ = B
print(call_f(a4))
a4.__class__ = A
print(call_f(a4))

# Instances of two classes through one site, some with a shadowing attribute.
objs = [A(), B(), A(), B()]
objs[2].f = lambda: "third shadows"
print([call_f(o) for o in objs])
print([call_f(o) for o in objs])
del objs[2].f
print([call_f(o) for o in objs])


# Plain dicts: membership after deletes, clears and re-inserts (keys that were once there).
d = {}
for i in range(100):
    d["k%d" % i] = i
for i in range(0, 100, 2):
    del d["k%d" % i]
print(len(d), "k2" in d, "k3" in d, d.get("k4"), d.get("k5"))
d.clear()
print("k3" in d, len(d))
d["k3"] = "back"
print("k3" in d, d["k3"], "k5" in d)
e = {1: "a", -1: "b", 2**62: "c", -(2**62): "d", 0.5: "e", (1, 2): "f"}
print([k in e for k in (1, -1, 2**62, -(2**62), 0.5, (1, 2), 3, -3, (2, 1))])
for k in list(e):
    del e[k]
print(len(e), 1 in e, e.setdefault(1, "again"), 1 in e)


class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        return isinstance(other, K) and other.v == self.v


s = {K(i): i for i in range(10)}
print(K(3) in s, K(30) in s, s[K(7)])


# Methods of a built-in base called on subclass instances through one site, while the
# instance dict and the class gain and lose a shadowing binding.
class Coll(list):
    pass


class Mapping(dict):
    pass


def add(c, x):
    c.append(x)
    return len(c)


c = Coll()
print([add(c, i) for i in range(3)], c)
c.append = lambda x: "instance append %r" % (x,)
print(add(c, 9), list(c))
del c.append
print(add(c, 10), list(c))
Coll.append = lambda self, x: print("class append", x)
print(add(c, 2), list(c))
del Coll.append
print(add(c, 3), list(c))
try:
    c.no_such_method()
except AttributeError as e:
    print(type(e).__name__, e)
m = Mapping(a=1)
for k in ("a", "b"):
    print(m.get(k, "missing"), m.setdefault(k, 0), sorted(m.items()))
print(m.pop("a"), m.__class__.__name__, m.__len__())


class Tagged(str):
    pass


t = Tagged("abc")
print(t.upper(), t.startswith("a"), type(t.upper()).__name__)


class Err(ValueError):
    pass


print(Err("x").with_traceback(None).args)
