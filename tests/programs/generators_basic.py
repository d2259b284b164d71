# Generators: yield, next, exhaustion, return value ends iteration, state kept across yields.
def countdown(n):
    print("start")
    while n > 0:
        yield n
        n -= 1
    print("done")

g = countdown(3)
print(type(g).__name__)
print(next(g))
print(list(g))
print(next(g, "exhausted"))

def with_return():
    yield 1
    yield 2
    return "result"
    yield 3

print(list(with_return()))
gen = with_return()
next(gen)
next(gen)
try:
    next(gen)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

out = []
for v in fib():
    if v > 100:
        break
    out.append(v)
print(out)

def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x

print(sum(evens(range(11))), list(evens([1, 4, 6, 7])), list(zip(fib(), "abc")))
def empty():
    return
    yield
print(list(empty()), iter(g) is g)
