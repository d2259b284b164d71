# `async for` and `async with`: protocols, early exits, exception handling and errors.


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
        cause = e.__cause__
        print(label, "!!", type(e).__name__, e, "| cause:", type(cause).__name__ if cause else None)


class Suspend:
    def __await__(self):
        v = yield "suspended"
        return v


class Counter:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Suspend()
        self.i += 1
        if self.i > self.n:
            raise StopAsyncIteration
        return self.i


async def agen(n):
    for i in range(n):
        await Suspend()
        yield i * 2


async def loops():
    out = []
    async for x in Counter(3):
        out.append(x)
    else:
        out.append("else")
    async for x in agen(5):
        if x == 4:
            break
        if x == 0:
            continue
        out.append(x)
    else:
        out.append("not reached")
    out.append(("after break", x))
    for i in range(2):
        async for a, b in pairs():
            out.append((i, a, b))
    async for x in agen(0):
        out.append("never")
    return out


async def pairs():
    yield 1, 2
    yield 3, 4


print(run(loops()))


async def return_in_loop():
    async for x in Counter(10):
        if x == 2:
            return "returned", x


print(run(return_in_loop()))


class Ctx:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print("  enter", self.name)
        await Suspend()
        return self.name.upper()

    async def __aexit__(self, t, v, tb):
        print("  exit", self.name, t.__name__ if t else None, v)
        await Suspend()
        return self.suppress


async def withs():
    async with Ctx("a") as a, Ctx("b") as b:
        print("  body", a, b)
    async with Ctx("c", True):
        raise ValueError("suppressed")
    try:
        async with Ctx("d"):
            raise KeyError("k")
    except KeyError as e:
        print("  caught", repr(e))
    for i in range(3):
        async with Ctx("loop%d" % i):
            if i == 1:
                break
            continue
    async with Ctx("outer"):
        try:
            async with Ctx("inner"):
                return "from inner"
        finally:
            print("  finally")


print(run(withs()))


async def agen_with():
    async with Ctx("in agen"):
        yield 1
        yield 2
    print("  after with")


async def consume_all():
    return [x async for x in agen_with()]


print(run(consume_all()))


async def close_early():
    ag = agen_with()
    async for x in ag:
        break
    await ag.aclose()
    return x


print(run(close_early()))


class NoAnext:
    def __aiter__(self):
        return 1


class BadAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 7


class NotAwaitableAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return Bad()


class Bad:
    def __await__(self):
        return 5


class SyncAiter:
    def __iter__(self):
        return iter([1])


async def for_list():
    async for x in [1, 2]:
        pass


async def for_int():
    async for x in 5:
        pass


async def for_no_anext():
    async for x in NoAnext():
        pass


async def for_bad_anext():
    async for x in BadAnext():
        pass


async def for_bad_await():
    async for x in NotAwaitableAnext():
        pass


async def for_sync():
    async for x in SyncAiter():
        pass


async def for_error_inside():
    async for x in Counter(3):
        if x == 2:
            raise IndexError("inside body")


for f in (for_list, for_int, for_no_anext, for_bad_anext, for_bad_await, for_sync, for_error_inside):
    show(f.__name__, lambda: run(f()))


class NoAexit:
    async def __aenter__(self):
        pass


class SyncEnter:
    def __aenter__(self):
        return 1

    async def __aexit__(self, *a):
        pass


class SyncExit:
    async def __aenter__(self):
        return 1

    def __aexit__(self, *a):
        return None


class Plain:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        pass


async def with_int():
    async with 5:
        pass


async def with_no_aexit():
    async with NoAexit():
        pass


async def with_sync_enter():
    async with SyncEnter():
        pass


async def with_sync_exit():
    async with SyncExit():
        pass


async def with_plain():
    async with Plain():
        pass


async def with_sync_exit_error():
    async with SyncExit():
        raise KeyError("body")


for f in (with_int, with_no_aexit, with_sync_enter, with_sync_exit, with_plain, with_sync_exit_error):
    show(f.__name__, lambda: run(f()))
