# Iteration built-ins: enumerate (start), zip, map, filter, reversed, iter, next (default).
names = ["ann", "bob", "cy"]
print(list(enumerate(names)), list(enumerate(names, start=1)), list(enumerate("ab", 10)))
print(list(zip(names, [3, 1, 2])), list(zip("abc", range(10), [True, False])), list(zip()))
print(list(map(str.upper, names)), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(filter(lambda n: n % 2, range(10))), list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))))
it = iter([10, 20])
print(next(it), next(it), next(it, "default"), next(it, None))
print(list(iter("xy")), list(iter(range(2))), list(iter({"k": 1, "j": 2})))
pairs = list(zip(*[(1, "a"), (2, "b"), (3, "c")]))
print(pairs)
for i, (a, b) in enumerate(zip("xy", "pq")):
    print(i, a, b)
m = map(lambda x: x * 10, [1, 2, 3])
print(next(m), list(m), list(m))
print(type(zip()).__name__, type(map(abs, [])).__name__, type(enumerate([])).__name__)
print(sum(map(len, names)), dict(zip(names, range(3))), dict(enumerate("ab")))
d = {"a": 1, "b": 2}
print(list(reversed(d)), list(reversed(d.items())), list(reversed(d.values())))
