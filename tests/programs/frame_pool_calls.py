# Calls reuse frames from a per-worker pool: recursion limits, generators suspended deep in
# recursion, cells and handled exceptions must not leak from one call into the next.
import sys


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


def bottomless(n):
    return bottomless(n + 1)


print("depth", depth(500))
for attempt in range(3):
    try:
        bottomless(0)
    except RecursionError as e:
        print("attempt", attempt, type(e).__name__, e)
print("depth after", depth(800))

old = sys.getrecursionlimit()
sys.setrecursionlimit(120)
try:
    depth(200)
except RecursionError as e:
    print("low limit", type(e).__name__, e)
print("under low limit", depth(50))
sys.setrecursionlimit(old)
print("restored", depth(700))


# Generators created and suspended at many depths, resumed from the top level later.
def counter(tag, n):
    for i in range(n):
        yield (tag, i)


def make_deep(n, acc):
    if n == 0:
        return acc
    g = counter(n, 3)
    next(g)
    acc.append(g)
    return make_deep(n - 1, acc)


gens = make_deep(300, [])
print("suspended", len(gens))
print("resumed", [next(g) for g in gens[:3]], [next(g) for g in gens[-2:]])
print("rest", sum(len(list(g)) for g in gens))


# A generator whose body recurses deeply each time it resumes.
def deep_gen(k):
    for i in range(k):
        yield depth(400 + i)


print("deep gen", list(deep_gen(4)))


def rec_gen(n):
    if n:
        yield from rec_gen(n - 1)
    yield n


print("yield from chain", sum(rec_gen(150)))
try:
    sum(rec_gen(5000))
except RecursionError as e:
    print("deep yield from", type(e).__name__, e)
print("after deep yield from", sum(rec_gen(100)))


# Cells: every call gets fresh cells, never the previous call's.
def make_adder(k):
    def add(x):
        return x + k

    return add


adders = [make_adder(k) for k in range(5)]
print("adders", [a(10) for a in adders])


def counter_closure():
    count = 0

    def bump():
        nonlocal count
        count += 1
        return count

    return bump


c1, c2 = counter_closure(), counter_closure()
print("closures", c1(), c1(), c2(), c1())


# Local variables start unbound in every call, whatever the previous call left.
def maybe(flag):
    if flag:
        v = "set"
    try:
        return v
    except UnboundLocalError as e:
        return type(e).__name__ + ": " + str(e)


print("unbound", maybe(True), "|", maybe(False))


# Argument-binding errors leave nothing behind for the next call.
def two(a, b, *, c=3):
    return (a, b, c)


for args, kw in [((1,), {}), ((1, 2, 3), {}), ((1, 2), {"d": 4}), ((1,), {"a": 1})]:
    try:
        two(*args, **kw)
    except TypeError as e:
        print("bind", type(e).__name__, e)
print("bind ok", two(1, 2), two(1, b=5, c=6))


# The exception being handled belongs to the frame handling it.
def current():
    return sys.exc_info()[0]


def handler_inside():
    try:
        raise KeyError("k")
    except KeyError:
        return current()


print("handled", handler_inside(), current())
try:
    raise ValueError("outer")
except ValueError:
    print("in handler", current(), handler_inside(), current())
print("after", current())


# An exception escaping many frames, caught, then the same frames run normally.
def thrower(n):
    if n == 0:
        raise IndexError("bottom")
    return thrower(n - 1) + 1


for _ in range(3):
    try:
        thrower(300)
    except IndexError as e:
        print("caught", e, len([1 for _ in range(3)]))
print("no leak", depth(300))
