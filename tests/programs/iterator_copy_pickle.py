# Built-in iterators (and subclasses of enumerate, map ...) copy and pickle (`__reduce__`,
# `__setstate__`): the copy, and what
# pickle.loads gives back, resume at the item the original was at.
import copy
import pickle

makers = [
    ("list", lambda: iter([1, 2, 3, 4])),
    ("tuple", lambda: iter((1, 2, 3))),
    ("str", lambda: iter("abcd")),
    ("str non-ascii", lambda: iter("é☃xy")),
    ("bytes", lambda: iter(b"wxyz")),
    ("bytearray", lambda: iter(bytearray(b"pqrs"))),
    ("range", lambda: iter(range(3, 20, 4))),
    ("range down", lambda: iter(range(10, 0, -3))),
    ("big range", lambda: iter(range(2**70, 2**70 + 4))),
    ("dict keys", lambda: iter({"a": 1, "b": 2, "c": 3})),
    ("dict values", lambda: iter({"a": 1, "b": 2, "c": 3}.values())),
    ("dict items", lambda: iter({"a": 1, "b": 2, "c": 3}.items())),
    ("set", lambda: iter({7})),
    ("enumerate", lambda: enumerate("abc", 10)),
    ("zip", lambda: zip("abc", [1, 2, 3])),
    ("zip strict", lambda: zip("ab", "cd", strict=True)),
    ("map", lambda: map(str.upper, ["x", "y", "z"])),
    ("filter", lambda: filter(None, [0, 1, 0, 2, 3])),
    ("reversed list", lambda: reversed([1, 2, 3, 4])),
    ("reversed str", lambda: reversed("abcd")),
    ("reversed range", lambda: reversed(range(4))),
    ("reversed dict", lambda: reversed({"a": 1, "b": 2, "c": 3})),
]

for name, make in makers:
    it = make()
    first = next(it)
    c = copy.copy(it)
    d = copy.deepcopy(make())
    restored = [pickle.loads(pickle.dumps(it, proto)) for proto in range(pickle.HIGHEST_PROTOCOL + 1)]
    print(name, first, type(it).__name__, list(c), [list(r) for r in restored][0], list(d))
    print("  original still at", list(it))
    # Exhausted iterators stay exhausted through a copy.
    print("  exhausted", list(copy.copy(it)), list(pickle.loads(pickle.dumps(it))))

# The reduce values, where they print the same everywhere.
print(iter([1, 2]).__reduce__())
it = iter((5, 6, 7))
next(it)
print(it.__reduce__())
it = iter("xyz")
next(it)
print(it.__reduce__())
print(reversed([1, 2, 3]).__reduce__())
e = enumerate([4, 5], 3)
next(e)
print(type(e.__reduce__()[1][0]).__name__, e.__reduce__()[0], e.__reduce__()[1][1])

# __setstate__ positions are clamped.
for pos in (-5, 0, 2, 10):
    it = iter([1, 2, 3])
    it.__setstate__(pos)
    r = reversed([1, 2, 3])
    r.__setstate__(pos)
    s = iter("abc")
    s.__setstate__(pos)
    print(pos, list(it), list(r), list(s))
import pickle, copy
class MyEnum(enumerate): pass
e = MyEnum('abc', 1); next(e)
r = pickle.loads(pickle.dumps(e))
print(type(r).__name__, list(r), e.__reduce__()[0].__name__, list(copy.copy(e)))
for data in ('abc', b'xyz', (1, 2, 3), [4, 5], range(3)):
    it = reversed(data)
    r = pickle.loads(pickle.dumps(it))
    print(type(it).__name__, type(r).__name__, list(r))
class MyMap(map): pass
m = MyMap(str, [1, 2]); print(type(pickle.loads(pickle.dumps(m))).__name__, list(copy.copy(m)))
