# An exception escaping through awaits, `async with` and an async generator: the traceback
# lists each coroutine frame.


def run(coro):
    while True:
        coro.send(None)


class Ctx:
    async def __aenter__(self):
        return self

    async def __aexit__(self, t, v, tb):
        print("exit sees", t.__name__)
        return False


async def leaf(x):
    if x > 1:
        raise KeyError(x)
    return x


async def ticks():
    for i in range(3):
        yield await leaf(i)


async def main():
    async with Ctx():
        async for v in ticks():
            print("tick", v)


run(main())
