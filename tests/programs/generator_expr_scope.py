# Generator expressions: the first iterable is evaluated at once, the rest lazily, in own scope.
def source(name, items):
    print("evaluating", name)
    return items

g = (x + y for x in source("outer", [1, 2]) for y in source("inner", [10, 20]))
print("created")
print(list(g))
try:
    bad = (x for x in 5)
except TypeError as e:
    print("TypeError at creation:", e)
lazy = (1 / x for x in [1, 0])
print("no error yet", next(lazy))
try:
    next(lazy)
except ZeroDivisionError as e:
    print("ZeroDivisionError on second item:", e)
n = 3
gen = (i * n for i in range(3))
n = 10
print(list(gen))
items = [1, 2, 3]
gen2 = (i for i in items)
items.append(4)
print(list(gen2))
items = [9]
print(sum(i for i in range(5) if i % 2), "".join(c.upper() for c in "abc"))
