# copy and copyreg through object.__reduce_ex__: plain instances, __getstate__/__setstate__,
# __getnewargs__, list and dict subclasses.
import copy
import copyreg


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Stateful:
    def __init__(self):
        self.data = [1, 2]
        self.cache = "big"

    def __getstate__(self):
        return {"data": self.data}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.cache = None


class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

    def __getnewargs__(self):
        return tuple(self)


class Bag(list):
    pass


class Table(dict):
    pass


p = Point(1, [2, 3])
c, d = copy.copy(p), copy.deepcopy(p)
p.y.append(4)
print(c, d, c.y is p.y, d.y is p.y)
s = copy.deepcopy(Stateful())
print(s.data, s.cache)
pr = copy.copy(Pair(1, 2))
print(pr, type(pr).__name__)
b = Bag([1, [2]])
b.tag = "t"
b2 = copy.deepcopy(b)
print(b2, type(b2).__name__, b2.tag, b2[1] is b[1])
t = Table(a=1)
t2 = copy.copy(t)
print(t2, type(t2).__name__)
r = Point(0, 0).__reduce_ex__(2)
print(r[0] is copyreg.__newobj__, r[1][0] is Point, r[2], r[3], r[4])
print(Point(5, 6).__reduce_ex__(4)[2], object().__reduce_ex__(2)[2])

# Sets and built-in values inside subclasses keep their contents and attributes.
for v in [{5, 6}, {"c": {5, 6}}, frozenset({1})]:
    d = copy.deepcopy(v)
    print(repr(d), d == v, type(d).__name__)


class I(int):
    pass


class S(set):
    pass


class T(tuple):
    pass


class St(str):
    pass


for v in [I(5), S({1, 2}), T((1, [2])), St("ab")]:
    v.tag = 1
    for f in (copy.copy, copy.deepcopy):
        d = f(v)
        print(type(d).__name__, d == v, repr(d), getattr(d, "tag", "-"))
print(sorted(copy.deepcopy(frozenset({3, 1}))), copy.copy(b"xy"), copy.deepcopy((1, [2])))
