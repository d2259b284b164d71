# dict(), dict.update, {**m} and f(**m) read a dict subclass's own storage unless it
# overrides __iter__; then they ask keys() and __getitem__, as CPython's PyDict_Merge.


class Loud(dict):
    def __getitem__(self, k):
        print("  getitem", k)
        return 42

    def keys(self):
        print("  keys")
        return super().keys()


class LoudIter(Loud):
    def __iter__(self):
        print("  iter")
        return super().__iter__()


def kw(**k):
    return k


for cls in (Loud, LoudIter):
    print(cls.__name__)
    m = cls(a=1, b=2)
    print(dict(m))
    d = {}
    d.update(m)
    print(d)
    print({**m})
    print(kw(**m))
    print("{a}-{b}".format(**m))
    print(dict(m, c=3))


class Missing(dict):
    def __missing__(self, k):
        return "missing"


print(dict(Missing(x=1)), {**Missing(y=2)})
from collections import Counter, OrderedDict, defaultdict

print(dict(Counter("aab")), dict(defaultdict(int, z=1)), {**OrderedDict(q=1, p=2)})
