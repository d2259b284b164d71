# An instance's __dict__ (and vars()) is its live attribute storage, as is a function's.


class P:
    kind = "point"

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


p = P(1, 2)
d = p.__dict__
print(d is p.__dict__, d is vars(p))

# Item assignment through __dict__ is an attribute.
p.__dict__["z"] = 3
print(p.z, sorted(d))
d["x"] = 10
print(p.x, p.norm1())

# Attribute assignment shows in the dict held before.
p.w = 4
print(d["w"], len(d))

# Deletion both ways.
del p.__dict__["w"]
try:
    p.w
except AttributeError as e:
    print(type(e).__name__, e)
del p.z
print("z" in d, sorted(d))

# update() and vars() writes.
p.__dict__.update({"a": 1, "b": 2})
print(p.a, p.b)
vars(p)["c"] = 5
print(p.c, vars(p)["c"])
vars(p).pop("a")
print(hasattr(p, "a"), sorted(vars(p)))

# An instance entry shadows a method; removing it uncovers the method again.
p.__dict__["norm1"] = lambda: "shadowed"
print(p.norm1())
del p.__dict__["norm1"]
print(p.norm1())

# Class attributes are not in the instance dict.
print("kind" in vars(p), p.kind)
p.__dict__["kind"] = "mine"
print(p.kind, P.kind)

# Non-string keys live in the dict without becoming attributes.
p.__dict__[1] = "one"
print(p.__dict__[1], sorted(k for k in p.__dict__ if isinstance(k, str)))
del p.__dict__[1]

# clear() empties the instance.
q = P(3, 4)
q.__dict__.clear()
try:
    q.x
except AttributeError as e:
    print(type(e).__name__, e)
q.x = 7
print(q.__dict__)

# Replacing __dict__.
r = P(5, 6)
new = {"x": 100, "y": -1}
r.__dict__ = new
print(r.x, r.norm1(), r.__dict__ is new)
r.y = 50
print(new)
new["x"] = 0
print(r.x)
try:
    r.__dict__ = [("x", 1)]
except TypeError as e:
    print(type(e).__name__, e)
try:
    r.__dict__ = None
except TypeError as e:
    print(type(e).__name__, e)
print(r.x)

# Two instances sharing one dict share attributes.
shared = {}
s1, s2 = P(0, 0), P(0, 0)
s1.__dict__ = shared
s2.__dict__ = shared
s1.v = "seen"
print(s2.v)

# object.__setattr__ with __dict__.
t = P(1, 1)
object.__setattr__(t, "__dict__", {"x": 9, "y": 9})
print(t.norm1())

# del obj.__dict__ leaves an empty instance.
u = P(2, 2)
del u.__dict__
print(u.__dict__, hasattr(u, "x"))
u.k = 1
print(vars(u))


# copy-like construction through __dict__.
class Box:
    pass


src = Box()
src.a, src.b = 1, [2]
dst = Box.__new__(Box)
dst.__dict__.update(src.__dict__)
print(dst.a, dst.b is src.b)


# A wrapper copying the wrapped function's attributes by hand.
def target(n):
    "doc of target"
    return n * 2


target.tag = "T"
target.__dict__["level"] = 3
print(sorted(target.__dict__), target.level)


def wrapper(*args):
    return target(*args) + 1


for attr in ("__module__", "__name__", "__qualname__", "__doc__"):
    setattr(wrapper, attr, getattr(target, attr))
wrapper.__dict__.update(target.__dict__)
wrapper.__wrapped__ = target
print(wrapper.__name__, wrapper.__doc__, wrapper.tag, wrapper.level, wrapper(4))
print(sorted(vars(wrapper)))

# Function __dict__ is live both ways, and replaceable.
fd = target.__dict__
target.extra = 1
print(fd["extra"], fd is target.__dict__)
del target.__dict__["extra"]
print(hasattr(target, "extra"))
del target.tag
print(sorted(fd))
try:
    del target.tag
except AttributeError as e:
    print(type(e).__name__, e)
target.__dict__ = {"fresh": True}
print(target.fresh, hasattr(target, "level"))
try:
    target.__dict__ = 3
except TypeError as e:
    print(type(e).__name__, e)
try:
    del target.__dict__
except TypeError as e:
    print(type(e).__name__, e)


# Instances of a subclass, and exceptions, have live dicts too.
class Q(P):
    pass


qq = Q(1, 1)
qq.__dict__["x"] = 42
print(qq.x, vars(qq))
err = ValueError("bad")
err.__dict__["note"] = "n"
print(err.note, err.args)

# Attribute reads after many writes through the dict.
many = Box()
for i in range(50):
    many.__dict__["a%d" % i] = i
print(sum(getattr(many, "a%d" % i) for i in range(50)), len(vars(many)))
