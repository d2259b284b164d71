# Coroutines driven by hand: send/throw/close, attributes, and CPython's errors.


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


class Suspend:
    def __await__(self):
        v = yield "suspended"
        return v


async def add(a, b):
    return a + b


async def main():
    x = await add(1, 2)
    y = await add(x, 10)
    return x, y


print(run(main()))
c = add(1, 2)
print(type(c).__name__, c.__name__, c.__qualname__, c.cr_running, c.cr_await, c.cr_origin)
print(c.cr_code.co_name, hex(c.cr_code.co_flags), hex(add.__code__.co_flags))
print(repr(c).split(" at 0x")[0])
print(run(c))
show("resend", lambda: c.send(None))
show("throw done", lambda: c.throw(ValueError("late")))
show("close done", lambda: c.close())
fresh = add(1, 2)
show("iter", lambda: iter(fresh))
show("next", lambda: next(fresh))
show("non-None first send", lambda: fresh.send(5))
show("close fresh", lambda: fresh.close())
show("send closed fresh", lambda: fresh.send(None))


async def catcher():
    try:
        v = await Suspend()
        print("resumed with", v)
        await Suspend()
    except KeyError as e:
        print("caught", repr(e))
        return "handled"


c = catcher()
print(c.send(None))
print(type(c.cr_await).__name__, c.cr_running)
print(c.send("first"))
show("throw", lambda: c.throw(KeyError("k")))
show("after", lambda: c.send(None))

c = catcher()
c.send(None)
show("close", lambda: c.close())
show("send closed", lambda: c.send(None))

c = catcher()
show("throw unstarted", lambda: c.throw(ValueError("early")))
show("send after", lambda: c.send(None))


async def stubborn():
    try:
        await Suspend()
    except GeneratorExit:
        await Suspend()


c = stubborn()
c.send(None)
show("ignore exit", lambda: c.close())


async def raises_stop():
    raise StopIteration("x")


show("StopIteration", lambda: run(raises_stop()))


async def bad_await():
    await 1


show("await int", lambda: run(bad_await()))


async def twice():
    c = add(2, 3)
    print("first", await c)
    await c


show("reuse", lambda: run(twice()))


async def self_await():
    inner = catcher()
    inner.send(None)
    await inner


show("awaited already", lambda: run(self_await()))


def plain_gen():
    yield 1


async def await_gen():
    await plain_gen()


show("await generator", lambda: run(await_gen()))


def yield_from_coro(c):
    yield from c


fresh = add(1, 2)
show("yield from coroutine", lambda: list(yield_from_coro(fresh)))
fresh.close()


def outer():
    n = 10

    async def inner(k):
        nonlocal n
        n += k
        await Suspend()
        return n

    return inner


inc = outer()
print(run(inc(5)), run(inc(1)))


class Base:
    async def m(self):
        return "base"


class Derived(Base):
    async def m(self):
        return await super().m() + "+derived"


print(run(Derived().m()), Derived.m.__qualname__)


def deco(f):
    async def wrapper(*a):
        return ("wrapped", await f(*a))

    return wrapper


@deco
async def doubled(x):
    return x * 2


print(run(doubled(4)))


async def with_finally():
    try:
        await Suspend()
        return "try"
    finally:
        print("finally runs")
        await Suspend()


print(run(with_finally()))


async def fstring():
    return f"v={await add(40, 2)}"


print(run(fstring()))


async def chained():
    try:
        await add(1, "x")
    except TypeError as e:
        raise ValueError("wrapped") from e


try:
    run(chained())
except ValueError as e:
    print(type(e).__name__, e, "from", type(e.__cause__).__name__, e.__cause__)


async def cleanup():
    try:
        await Suspend()
    finally:
        print("coroutine finally on del")


c = cleanup()
c.send(None)
del c
print("after del")


def local_del():
    c = cleanup()
    c.send(None)
    del c
    print("after local del")


local_del()


def plain():
    yield 1


coro = add(1, 2)
show("generator.send(coroutine)", lambda: type(plain()).send(coro, None))
show("coroutine.send(generator)", lambda: type(coro).send(plain(), None))
show("coroutine.close(generator)", lambda: type(coro).close(plain()))
show("coroutine.send(coroutine)", lambda: type(coro).send(coro, None))
show("type call", lambda: type(coro)())
