# `yield from` a generator: values, sends and return values through chains of several levels,
# exceptions raised, thrown and closed at each level, exhausted and just-started subgenerators,
# re-entrance, and the delegating frame's state (`gi_yieldfrom`, `gi_running`) meanwhile.


def leaf(tag, n):
    got = []
    for i in range(n):
        x = yield (tag, i)
        got.append(x)
    return (tag, "done", got)


def middle(tag, n):
    r1 = yield from leaf(tag + "a", n)
    r2 = yield from leaf(tag + "b", n)
    return [r1, r2]


def top():
    r = yield from middle("m", 2)
    yield ("top saw", r)
    return "top done"


g = top()
print(next(g))
k = 0
try:
    while True:
        k += 1
        print(g.send(k))
except StopIteration as e:
    print("stop", e.value)


def chain(depth):
    if depth == 0:
        yield depth
        return "bottom"
    r = yield from chain(depth - 1)
    yield (depth, r)
    return f"level {depth}"


print(list(chain(6)))
g = chain(40)
print(sum(1 for _ in g))


def raiser():
    yield 1
    raise KeyError("inner")


def catcher():
    try:
        yield from raiser()
    except KeyError as e:
        print("caught", repr(e))
        yield "recovered"
    return "caught done"


print(list(catcher()))


def stopper():
    yield 1
    return StopIteration("value is an exception")


def outer_stop():
    r = yield from stopper()
    print("returned", type(r).__name__, r)


print(list(outer_stop()))


def finisher(log):
    try:
        yield "f1"
        yield "f2"
    finally:
        log.append("finisher closed")


def delegator(log):
    try:
        yield from finisher(log)
    finally:
        log.append("delegator closed")


log = []
g = delegator(log)
print(next(g))
g.close()
print(log)

log = []
g = delegator(log)
print(next(g))
try:
    g.throw(ValueError("thrown"))
except ValueError as e:
    print("propagated", e, log)


def absorber():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            yield f"absorbed {e}"


def via():
    yield from absorber()


g = via()
print(next(g), g.throw(ValueError("x")), next(g), g.send(None))
print(type(g.gi_yieldfrom).__name__, g.gi_yieldfrom.gi_running, g.gi_running)
g.close()
print(g.gi_yieldfrom, g.gi_frame)

done = leaf("x", 0)
print(list(done))


def from_exhausted():
    r = yield from done
    yield ("exhausted gave", r)


print(list(from_exhausted()))


def started_then_sent():
    sub = leaf("s", 2)
    r = yield from sub
    return r


g = started_then_sent()
try:
    g.send("not none")
except TypeError as e:
    print("TypeError", e)

inner = None


def reenter():
    yield 1
    yield from outer_gen


def outer():
    yield from reenter()


outer_gen = outer()
print(next(outer_gen))
try:
    next(outer_gen)
except ValueError as e:
    print("ValueError", e)


def count_up(n):
    total = 0
    for i in range(n):
        total += yield i
    return total


def summing(n):
    t = yield from count_up(n)
    return t


g = summing(1000)
next(g)
try:
    i = 0
    while True:
        i = g.send(i * 2)
except StopIteration as e:
    print("sum", e.value)


def tree(d):
    if d == 0:
        yield d
        return
    yield from tree(d - 1)
    yield d
    yield from tree(d - 1)


print(sum(tree(10)), len(list(tree(8))))


def gen_with_iter_sub():
    r = yield from iter([1, 2, 3])
    yield r
    r = yield from range(2)
    yield r


print(list(gen_with_iter_sub()))
