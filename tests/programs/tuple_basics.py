# Tuples: packing, repr (one-element), indexing, slicing, methods, comparison, hashing.
t = (1, "two", 3.0, None)
print(t, len(t), t[1], t[-1], t[1:3], t[::-1], (), (1,), (1, 2), tuple(), tuple([1, 2]))
p = 1, 2, 3
print(p, type(p).__name__, p + (4,), p * 2, 2 in p, p.count(2), p.index(3))
print((1, 2) < (1, 3), (1, 2) == (1, 2), (1,) < (1, 0), max([(1, "b"), (1, "a")]))
nested = ((1, 2), [3, 4], "s")
nested[1].append(5)
print(nested)
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), {(1, 2): "pair"}[(1, 2)])
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
a, b = (10, 20)
print(a, b, sorted((3, 1, 2)), list((1, 2)))
empty = ()
print(len(empty), bool(empty), (0,) * 3, ((),), ((1,),))
