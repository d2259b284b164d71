# Numbers that compare equal hash equal across int, float and bool, including huge values, so
# they find each other in dicts and sets.
pairs = [(2 ** 80, 2.0 ** 80), (-1, -1.0), (10 ** 300, float(10 ** 300)), (int(1e300), 1e300),
         (2 ** 61 - 1, float(2 ** 61 - 1)), (-(2 ** 62), -(2.0 ** 62)), (1, True), (0, -0.0)]
for i, f in pairs:
    print(i == f, hash(i) == hash(f), {i: "int"}.get(f), len({i, f}))
print(hash(float("inf")), hash(float("-inf")), hash(0.5), hash(-0.5), hash(1.5), hash(2 ** 0.5))
print(hash(1e300), hash(-1e-300), hash(2.0 ** 61), hash(2.0 ** 62), hash(123456789.125))
counts = {}
for key in [1, 1.0, True, 2, 2.0, 2 ** 64, 2.0 ** 64]:
    counts[key] = counts.get(key, 0) + 1
print(counts)
