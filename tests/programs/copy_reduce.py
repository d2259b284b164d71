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
