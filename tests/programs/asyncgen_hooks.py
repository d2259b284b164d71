# sys.set_asyncgen_hooks / get_asyncgen_hooks, and asyncio closing unfinished async generators.
import asyncio
import sys

print(sys.get_asyncgen_hooks())
seen = []


def firstiter(agen):
    seen.append(("first", agen.__qualname__))


old = sys.get_asyncgen_hooks()
sys.set_asyncgen_hooks(firstiter=firstiter)
h = sys.get_asyncgen_hooks()
print(type(h).__name__, h.firstiter is firstiter, h.finalizer, len(h), h[0] is firstiter)
for bad in [dict(firstiter=1), dict(finalizer="x"), dict(firstiter=print, finalizer=3)]:
    try:
        sys.set_asyncgen_hooks(**bad)
    except TypeError as e:
        print(type(e).__name__, e)
print(sys.get_asyncgen_hooks().firstiter is firstiter)


async def numbers(n):
    for i in range(n):
        yield i


async def drive():
    g = numbers(3)
    print(await g.__anext__(), await g.asend(None))
    print([x async for x in numbers(2)])
    await numbers(1).aclose()
    try:
        await numbers(1).athrow(ValueError("x"))
    except ValueError as e:
        print("athrow", e)


c = drive()
try:
    c.send(None)
except StopIteration:
    pass
print(seen)
sys.set_asyncgen_hooks(firstiter=None, finalizer=None)
print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(*old)


async def ticker():
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0)
    finally:
        print("ticker finally")


async def main():
    g = ticker()
    async for v in g:
        if v == 2:
            break
    print("broke out at", v)
    hooks = sys.get_asyncgen_hooks()
    print(hooks.firstiter is not None, hooks.finalizer is not None)
    return g


g = asyncio.run(main())
print("after run", g.ag_running, sys.get_asyncgen_hooks())
