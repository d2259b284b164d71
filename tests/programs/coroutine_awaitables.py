# Awaitables: __await__ returning generators and iterators, coroutine wrappers,
# aiter()/anext(), and a tiny round-robin scheduler as in CPython's docs.


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


def show(label, f):
    try:
        print(label, "->", f())
    except BaseException as e:
        print(label, "!!", type(e).__name__, e)


class Sleep:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        for i in range(self.n):
            got = yield ("tick", i)
            print("  got", got)
        return self.n * 10


async def sleeper():
    r = await Sleep(2)
    return r + 1


c = sleeper()
print(c.send(None))
print(c.send("a"))
show("finish", lambda: c.send("b"))


class IterAwait:
    def __await__(self):
        return iter(["x", "y"])


async def iter_await():
    return await IterAwait()


c = iter_await()
print(c.send(None), c.send(None))
show("iterator await", lambda: c.send(None))


class ReturnsCoroutine:
    def __await__(self):
        self.coro = helper()
        return self.coro


async def helper():
    return 1


class ReturnsInt:
    def __await__(self):
        return 5


async def gen_items():
    yield "item"


async def await_it(obj):
    return await obj


coro = helper()
rc = ReturnsCoroutine()
show("__await__ coroutine", lambda: run(await_it(rc)))
rc.coro.close()
show("__await__ int", lambda: run(await_it(ReturnsInt())))
show("await coroutine wrapper", lambda: run(await_it(coro.__await__())))
coro.close()
show("await asend", lambda: run(await_it(gen_items().asend(None))))


c = helper()
w = c.__await__()
print(type(w).__name__, repr(w).split(" at 0x")[0], iter(w) is w)
show("next wrapper", lambda: next(w))
show("next again", lambda: next(w))
c = sleeper()
w = c.__await__()
print(w.send(None))
show("wrapper throw", lambda: w.throw(ValueError("into sleep")))
c = sleeper()
w = c.__await__()
w.send(None)
show("wrapper close", lambda: w.close())
show("send after close", lambda: c.send(None))


class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Sleep(0)
        return self.i


async def builtins_demo():
    it = aiter(Ticker(2))
    first = await anext(it)
    rest = [await anext(it, "default") for _ in range(3)]
    g = gen_items()
    print(await anext(g), await anext(g, "no more"))
    try:
        await anext(g)
    except StopAsyncIteration:
        print("StopAsyncIteration from anext")
    return first, rest


print(run(builtins_demo()))
show("aiter int", lambda: aiter(5))
show("anext int", lambda: anext(5))


class BadAiter:
    def __aiter__(self):
        return 3


show("aiter bad", lambda: aiter(BadAiter()))
show("anext awaitable type", lambda: type(anext(gen_items(), 0)).__name__)
print(type(anext(gen_items())).__name__)


# A round-robin scheduler: each task yields control by awaiting `switch()`.
class Switch:
    def __await__(self):
        yield


def switch():
    return Switch()


async def worker(name, n, log):
    for i in range(n):
        log.append((name, i))
        await switch()
    return name.upper()


def schedule(*coros):
    ready = list(coros)
    results = {}
    while ready:
        coro = ready.pop(0)
        try:
            coro.send(None)
        except StopIteration as e:
            results[coro.__name__ + str(len(results))] = e.value
        else:
            ready.append(coro)
    return results


log = []
print(schedule(worker("a", 3, log), worker("b", 1, log), worker("c", 2, log)))
print(log)
