for t in (enumerate, reversed, zip, map, filter):
    print(type(t).__name__, isinstance(t, type))
print(repr(enumerate), repr(reversed), repr(zip), repr(map), repr(filter))
e = enumerate('ab')
print(type(e) is enumerate, isinstance(e, enumerate), type(e).__name__)
class E(enumerate): pass
x = E('ab', 1)
print(list(x), type(x).__name__)
class M(map): pass
print(list(M(abs, [-1])))
print(isinstance(reversed([1]), reversed), isinstance(zip(), zip), isinstance(map(abs, []), map), isinstance(filter(None, []), filter))
print(enumerate.__name__, enumerate.__qualname__)
print(enumerate(iterable='ab', start=3).__next__())
print(type(iter([])).__name__, type(reversed([])).__name__, type(reversed(range(3))).__name__)

for f in [lambda: enumerate(), lambda: enumerate('abc',2,3), lambda: enumerate(iterable=[], x=3), lambda: enumerate(start=0,x=3), lambda: enumerate(x=0,y=3), lambda: enumerate('abc','a'), lambda: reversed(), lambda: reversed([],1), lambda: reversed(x=1), lambda: reversed(object()), lambda: zip(x=1), lambda: map(), lambda: map(abs), lambda: filter(), lambda: filter(None), lambda: filter(None,[],1), lambda: map(x=1), lambda: filter(None, [], x=1), lambda: map(abs, 1), lambda: enumerate(1)]:
    try: f()
    except TypeError as e: print(e)
class NoLen:
    def __getitem__(self, i): return 1
class NoGet:
    def __len__(self): return 2
class Blocked:
    def __getitem__(self, i): return 1
    def __len__(self): return 2
    __reversed__ = None
class Seq:
    def __getitem__(self, i): return i
    def __len__(self): return 3
for c in (NoLen, NoGet, Blocked, Seq):
    try: print(list(reversed(c())))
    except TypeError as e: print(e)
class L(list): pass
print(list(reversed(L([1,2]))))

# A subclass's instance iterates as its base, keeps attributes, and can override __next__.
class Counted(enumerate):
    def __init__(self, it, start=0):
        self.note = "made"


c = Counted("xy", 5)
print(iter(c) is c, next(c), c.note, list(c))


class Upper(map):
    def __next__(self):
        return super().__next__().upper()


print(list(Upper(str, "ab")))
print(enumerate.__new__(enumerate, "q").__next__(), type(enumerate.__new__(Counted, "q")).__name__)
try:
    enumerate.__new__(int, "q")
except TypeError as e:
    print(type(e).__name__)
z = zip("ab", [1, 2], strict=True)
print(isinstance(z, zip), list(z))
for name in ("enumerate", "zip", "map", "filter", "reversed"):
    print(name, name in dir(__builtins__), callable(getattr(__builtins__, name)))
