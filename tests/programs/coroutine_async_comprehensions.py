# Async comprehensions: `async for` and `await` in list/set/dict comprehensions and
# generator expressions (which become async generators).


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
    def __init__(self, v=None):
        self.v = v

    def __await__(self):
        yield "suspended"
        return self.v


async def agen(n):
    for i in range(n):
        await Suspend()
        yield i


async def double(x):
    await Suspend()
    return x * 2


async def comps():
    print([x async for x in agen(4)])
    print([x async for x in agen(6) if x % 2 if x != 3])
    print(sorted({x % 3 async for x in agen(7)}))
    print({x: await double(x) async for x in agen(3)})
    print([await double(x) for x in range(3)])
    print([await Suspend(c) for c in "ab"])
    print([(x, y) async for x in agen(2) for y in "ab"])
    print([(x, y) for x in "ab" async for y in agen(2)])
    print([(x, y) async for x in agen(2) async for y in agen(x + 1)])
    print([[y async for y in agen(x)] for x in range(3)])
    print([x for x in [await double(5)]])
    ge = (x * 10 async for x in agen(3))
    print(type(ge).__name__, ge.__name__, ge.__qualname__)
    print([y async for y in ge])
    ge2 = (await double(x) for x in range(2))
    print(type(ge2).__name__, [v async for v in ge2])
    total = 0
    async for v in (x + 1 async for x in agen(3)):
        total += v
    print("total", total)
    print([x async for x in agen(3) if await double(x) > 1])


run(comps())


def sync_maker(it):
    return (await double(q) for q in it)


async def use_sync_maker():
    return [v async for v in sync_maker([1, 2])]


print(run(use_sync_maker()))


async def leaks():
    x = "outer"
    r = [x async for x in agen(2)]
    return x, r


print(run(leaks()))


class NotAsync:
    def __iter__(self):
        return iter([1, 2])


async def bad_source():
    return [x async for x in NotAsync()]


async def bad_list_source():
    return [x async for x in [1, 2]]


async def inner_bad():
    return [x async for x in agen(2) async for y in 3]


async def raises_inside():
    return [1 // (x - 1) async for x in agen(3)]


for f in (bad_source, bad_list_source, inner_bad, raises_inside):
    show(f.__name__, lambda: run(f()))

ge = (x async for x in agen(1))
show("genexp not iterable", lambda: iter(ge))
show("genexp anext", lambda: ge.__anext__().send(None))
