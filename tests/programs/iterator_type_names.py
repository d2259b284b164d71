# The type names (and reprs) of built-in iterators, reversed ones included.
d = {1: 2, 3: 4}
for x in [[], (), "", b"", {1}, frozenset(), d, d.keys(), d.values(), d.items(), range(3),
          range(2**70), enumerate([]), zip(), map(str, []), filter(None, [])]:
    it = iter(x)
    print(type(x).__name__, type(it).__name__, repr(it).split(" object at")[0])
for x in [[], (), d, d.keys(), d.values(), d.items(), range(3), "ab", b"ab"]:
    it = reversed(x)
    print("reversed", type(x).__name__, type(it).__name__, repr(it).split(" object at")[0],
          list(it))


class Seq:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        if i > 1:
            raise IndexError(i)
        return i * 10


r = reversed(Seq())
print(type(r).__name__, list(r), type(iter(Seq())).__name__)
print(type(iter(lambda: 1, 2)).__name__, type(x for x in ()).__name__)
