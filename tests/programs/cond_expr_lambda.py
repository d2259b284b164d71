# Conditional expressions and lambdas (defaults, closures, immediately called, in data).
for n in range(-2, 3):
    print(n, "neg" if n < 0 else "zero" if n == 0 else "pos")
sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(7), add(1), add(1, 2), (lambda: "called")())
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
for k in ["+", "-", "*"]:
    print(k, ops[k](6, 3))
adders = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders])
late = [lambda x: x + i for i in range(3)]
print([f(10) for f in late])
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, lambda x: x + 1)(3))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
star = lambda *a, **k: (a, sorted(k.items()))
print(star(1, 2, z=3, y=4))
print((lambda x: x if x > 0 else -x)(-9))
print(sq.__name__, 1 if [] else 2)
