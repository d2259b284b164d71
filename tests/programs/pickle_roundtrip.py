import pickle, collections, datetime, enum
class Color(enum.Enum):
    RED = 1
class Pt:
    def __init__(self, x, y): self.x, self.y = x, y
    def __eq__(self, o): return (self.x, self.y) == (o.x, o.y)
    def __repr__(self): return f"Pt({self.x}, {self.y})"
class Sl:
    __slots__ = ("a", "b")
    def __init__(self): self.a = 1
data = [1, -2, 2**70, 1.5, "héllo", b"\x00\xff", bytearray(b"ba"), None, True, (1, (2,)), [3], {"k": [1, 2]},
        {1, 2}, frozenset({3}), complex(1, 2), collections.OrderedDict(a=1), collections.deque([1, 2]),
        collections.Counter("aab"), datetime.date(2020, 1, 2), Pt(1, 2), Color.RED, range(3), slice(1, 2)]
for proto in range(0, pickle.HIGHEST_PROTOCOL + 1):
    for d in data:
        try:
            s = pickle.dumps(d, protocol=proto)
            r = pickle.loads(s)
            print(proto, type(r).__name__, r == d or r, s == pickle.dumps(d, protocol=proto))
        except Exception as e:
            print(proto, type(d).__name__, type(e).__name__, e)
    try:
        s = pickle.loads(pickle.dumps(Sl(), proto))
        print(s.a, hasattr(s, "b"))
    except TypeError as e:
        print("TypeError", e)
print(pickle.dumps([1, "a", (2.5, None)], 2))
print(pickle.dumps({"a": 1, "b": [True, b"x"]}, 4))
print(pickle.dumps(Pt(1, 2), 3))
l = [1]; l.append(l)
r = pickle.loads(pickle.dumps(l)); print(r[1] is r)
try:
    pickle.dumps(lambda: 1)
except pickle.PicklingError as e:
    print("PicklingError")
