# Keys and items views order like sets (<, <=, >, >=) against sets and each other; `^`
# builds set(left) updated with the right, as CPython does; object.__new__ refuses the
# built-in value types.
k = {1: 2, 3: 4}.keys()
print(k == {1, 3}, k != {1}, k < {1, 3, 5}, k <= {1, 3}, k > {1}, k >= {1, 3}, {1} < k,
      {1, 3, 5} > k, frozenset({1, 3}) <= k)
i = {1: 2}.items()
print(i < {(1, 2), (3, 4)}, i <= {(1, 2)}, i == {(1, 2)}, i > set(), {(1, 2)} >= i)
print(k == {1: 0, 3: 0}.keys(), k <= {1: 0, 3: 0, 5: 0}.keys(), k < {1: 0}.keys())
print(k ^ {3, 9}, {9} ^ k, k ^ [9, 3], sorted(k | [7]), k - [1], k & {3, 8})
v = {1: 2}.values()
for a, b in [(v, v), (k, [1, 3]), (k, 1), (i, v)]:
    try:
        print(a < b)
    except TypeError as e:
        print(e)
print(k.__lt__([1]), k.__le__({1, 3}))
for t in [int, str, tuple, list, dict, set, frozenset, float, complex, bytes]:
    try:
        object.__new__(t)
    except TypeError as e:
        print(e)
import types
m = types.ModuleType.__new__(types.ModuleType)
m.foo = 1
print(m.__dict__)
