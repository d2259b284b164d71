# List, set and dict comprehensions and generator expressions: filters, nesting, own scope.
print([x * x for x in range(6)], [x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)], [[j for j in range(i)] for i in range(4)])
print({x % 4 for x in range(10)}, {w: len(w) for w in ["a", "bb", "ccc"]})
print({k: v for k, v in zip("abc", range(3)) if v != 1})
print(sum(x for x in range(10)), max(len(w) for w in ["aa", "b"]), list(x for x in "ab"))
x = "outer"
print([x for x in range(3)], x)
n = 10
print([n + i for i in range(3)], (lambda: [n * i for i in range(2)])())
def in_function(k):
    return [k * i for i in range(k)], {i: k for i in range(2)}
print(in_function(3))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)], [v for row in matrix for v in row])
gen = (c.upper() for c in "xyz")
print(next(gen), list(gen), list(gen))
print([y for y in [3, 1, 2] if y > 1], [i if i % 2 else -i for i in range(5)])
print({i: [j for j in range(i)] for i in range(3)}, [(a, b) for a, b in {"p": 1, "q": 2}.items()])
try:
    print([i for i in range(3)], i)
except NameError as e:
    print("NameError:", e)
