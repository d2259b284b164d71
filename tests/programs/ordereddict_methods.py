# OrderedDict's own methods: keyword arguments of pop/setdefault/fromkeys, |= with pairs,
# copy.copy/deepcopy/pickle keeping instance attributes, subclasses' item methods.
import copy
import pickle
from collections import OrderedDict

od = OrderedDict(a=1)
od.x = ["x"]
print(od.__dict__, od.__reduce__()[2], hasattr(OrderedDict, "__copy__"))
d = copy.copy(od)
print(d.x is od.x, d == od, type(d).__name__)
d2 = copy.deepcopy(od)
print(d2.x == od.x, d2.x is od.x)
o = OrderedDict()
o |= [(1, 2)]
o |= {3: 4}
print(o)
print(OrderedDict.fromkeys("ab", value=0), OrderedDict.fromkeys("xy"))
print(o.pop(5, default=7), o.setdefault(9, default=3), o.setdefault(key=10), o)
print(o.pop(key=1), o)
try:
    OrderedDict().pop(1)
except KeyError as e:
    print(type(e).__name__, e)
for bad in [lambda: o.pop(), lambda: o.setdefault(), lambda: OrderedDict.fromkeys()]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)


class Sub(OrderedDict):
    pass


s = Sub(a=1)
s.y = 2
print(copy.copy(s).y, type(copy.deepcopy(s)).__name__, pickle.loads(pickle.dumps(s)).y)
print(type(Sub.fromkeys("ab")).__name__, type(s.fromkeys("c")).__name__)


class Missing(OrderedDict):
    def __missing__(self, key):
        return 0


m = Missing(a=1)
print(m.pop("b", 5), m.pop("a", 6), m.pop("a", default=6), m.setdefault(5, 0), m.setdefault(5, 1))
try:
    m.pop("a")
except KeyError as e:
    print(type(e).__name__, e)


class Logged(OrderedDict):
    def __getitem__(self, key):
        print("get", key)
        return super().__getitem__(key)

    def __delitem__(self, key):
        print("del", key)
        super().__delitem__(key)


lg = Logged(k=1)
print(lg.pop("k"), lg)
