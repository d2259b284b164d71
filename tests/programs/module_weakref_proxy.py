from _weakref import proxy, ProxyType, CallableProxyType, getweakrefcount


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Num(self.v + (other.v if isinstance(other, Num) else other))

    def __radd__(self, other):
        return Num(other + self.v)

    def __sub__(self, other):
        return self.v - other

    def __lt__(self, other):
        return self.v < (other.v if isinstance(other, Num) else other)

    def __eq__(self, other):
        return self.v == (other.v if isinstance(other, Num) else other)

    def __neg__(self):
        return -self.v

    def __repr__(self):
        return "Num(%r)" % self.v

    __hash__ = None


class Box:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __iter__(self):
        return iter(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def __contains__(self, x):
        return x in self.items

    def __call__(self, *args, **kwargs):
        return ("called", args, sorted(kwargs.items()))


class Plain:
    pass


n = Num(5)
p = proxy(n)
print((p + 1).v, (1 + p).v, p - 2, -p, p < 6, p == 5, p != 5, 6 > p, p == proxy(n))
q = p
q += 10
print(type(q).__name__, q.v, n.v)
b = Box([3, 1, 2])
pb = proxy(b)
print(type(pb) is CallableProxyType, len(pb), list(pb), pb[0], 2 in pb, 9 in pb)
pb[0] = 30
del pb[1]
print(b.items, pb(1, k=2), bool(pb), sorted(pb))
plain = Plain()
pp = proxy(plain)
print(type(pp) is ProxyType, bool(pp), str(pp) == str(plain), getweakrefcount(plain))
pp.attr = "set through proxy"
print(plain.attr, pp.attr)
del pp.attr
print(hasattr(plain, "attr"), hasattr(pp, "attr"))
for f in [lambda: hash(pp), lambda: pp(), lambda: len(pp)]:
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
callback_seen = []
pc = proxy(Plain(), callback_seen.append)
print(len(callback_seen), callback_seen[0] is pc)
for f in [lambda: pc.x, lambda: bool(pc), lambda: pc + 1, lambda: str(pc)]:
    try:
        f()
    except ReferenceError as e:
        print(type(e).__name__, e)
try:
    ProxyType()
except TypeError as e:
    print(type(e).__name__, e)
