# Iterator edge cases: two-argument iter(), how far zip/any/all consume their inputs, generator
# re-entrance, close() with GeneratorExit, non-iterators passed to next() and reversed().
def counter():
    state = {"n": 0}
    def tick():
        state["n"] += 1
        return state["n"]
    return tick
print(list(iter(counter(), 4)))
a = iter([1, 2, 3])
b = iter("xy")
print(list(zip(b, a)), list(a))
a = iter([1, 2, 3])
b = iter("xy")
print(list(zip(a, b)), list(a))
g = (n for n in range(10))
print(any(n > 3 for n in g), list(g))
g = iter([1, 1, 0, 1, 1])
print(all(g), list(g))
def reentrant():
    yield next(me)
me = reentrant()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refusing"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def polite():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
p = polite()
next(p)
p.close()
print("closed politely", p.close() is None)
for bad in [lambda: next([1]), lambda: reversed(x for x in "ab"), lambda: iter(5, 0)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
