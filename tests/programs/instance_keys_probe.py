# Dicts and sets keyed by instances with user __eq__/__hash__: which __eq__ calls happen,
# in which order, and that lookups stay right after deletions, resizes and collisions.
calls = []


class K:
    def __init__(self, name, h):
        self.name = name
        self.h = h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        calls.append((self.name, getattr(other, "name", other)))
        return isinstance(other, K) and self.name == other.name

    def __repr__(self):
        return f"K({self.name})"


# Five keys with one hash: a lookup compares along the collision chain.
keys = [K(f"k{i}", 7) for i in range(5)]
d = {k: i for i, k in enumerate(keys)}
calls.clear()
print(d[K("k3", 7)], calls)
calls.clear()
print(K("zz", 7) in d, calls)
calls.clear()
del d[K("k1", 7)]
print(sorted(v for v in d.values()), calls)
calls.clear()
print(d.get(K("k4", 7)), calls)
calls.clear()
d[K("k1", 7)] = 10
print(list(d.items()), calls)

s = set(keys)
calls.clear()
print(K("k2", 7) in s, calls)
calls.clear()
s.discard(K("k0", 7))
print(len(s), calls)
calls.clear()
s.remove(K("k4", 7))
print(sorted(k.name for k in s), calls)
try:
    s.remove(K("nope", 7))
except KeyError as e:
    print("KeyError", e)

# Many distinct hashes: each lookup touches only its own key (no scan of the table).
many = [K(f"m{i}", i) for i in range(2000)]
big = dict.fromkeys(many, 0)
bigset = set(many)
calls.clear()
for i in range(0, 2000, 97):
    assert K(f"m{i}", i) in big
    assert K(f"m{i}", i) in bigset
    bigset.discard(K(f"m{i}", i))
print(len(calls), len(bigset))

# Identity short-cuts __eq__, as in CPython.
calls.clear()
print(big[many[5]], many[5] in bigset, calls)

# A key whose __eq__ raises.
class Bad(K):
    def __eq__(self, other):
        raise ValueError("no eq")

    __hash__ = K.__hash__

b = {Bad("b", 3): 1}
try:
    b[K("c", 3)]
except ValueError as e:
    print("ValueError", e)
try:
    K("c", 3) in {Bad("b", 3)}
except ValueError as e:
    print("ValueError", e)
