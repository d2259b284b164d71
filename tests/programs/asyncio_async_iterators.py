# Async generators, async for, async with and async comprehensions inside tasks.
import asyncio
import contextlib


async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


class Resource:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    async def __aenter__(self):
        await asyncio.sleep(0)
        self.log.append(f"open {self.name}")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.log.append(f"close {self.name} {exc_type.__name__ if exc_type else None}")
        return exc_type is KeyError


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        await asyncio.sleep(0)
        return self.n


@contextlib.asynccontextmanager
async def session(log):
    log.append("enter")
    try:
        yield "sess"
    finally:
        log.append("exit")


async def consume(name, log):
    total = 0
    async for v in ticker(4):
        total += v
    async with Resource(name, log) as r:
        log.append(f"use {r.name}")
    async with Resource(name + "!", log):
        raise KeyError("suppressed")
    return name, total


async def main():
    log = []
    print(await asyncio.gather(consume("a", log), consume("b", log)))
    print(sorted(log))
    print([x async for x in Countdown(3)])
    print([x * x async for x in ticker(5) if x % 2])
    log = []
    async with session(log) as s:
        log.append(s)
    print(log)
    try:
        async with Resource("z", log):
            raise ValueError("kept")
    except ValueError as e:
        print("propagated", e, log[-1])

    agen = ticker(10)
    print(await agen.__anext__(), await anext(agen))
    await agen.aclose()
    try:
        await anext(agen)
    except StopAsyncIteration:
        print("closed agen stops")
    print(await anext(ticker(0), "default"))

    async def echo():
        received = []
        try:
            while True:
                v = yield len(received)
                received.append(v)
        finally:
            print("echo finally", received)

    g = echo()
    print(await g.asend(None), await g.asend("x"), await g.asend("y"))
    await g.aclose()

    async def gen_with_error():
        yield 1
        raise RuntimeError("from agen")

    try:
        async for v in gen_with_error():
            print("got", v)
    except RuntimeError as e:
        print(type(e).__name__, e)

    async with contextlib.AsyncExitStack() as stack:
        a = await stack.enter_async_context(session(log))
        print("stack", a)
    print(log[-1])
    c = consume('c', [])
    print(type(ticker(1)).__name__, type(echo()).__name__, type(c).__name__)
    c.close()


asyncio.run(main())
