# hash() of ints (incl. -1 and big ones) and tuples of ints, and dict/set use of equal keys.
for n in [0, 1, -1, -2, 2 ** 31, 2 ** 61 - 1, 2 ** 61, 2 ** 64, -(2 ** 64), 10 ** 30]:
    print(n, hash(n))
print(hash(True), hash(False), hash(1.0), hash(-1.0), hash(0.5) == hash(0.5))
print(hash(()), hash((1,)), hash((1, 2)), hash((1, (2, 3))), hash((-1, -2)))
print(hash((1, 2)) == hash((1, 2)), hash(1) == hash(1.0) == hash(True))
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d, {0, 0.0, False}, len({(1, 2), (1, 2)}))
