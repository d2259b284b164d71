# Async generator finalization: sys.set_asyncgen_hooks' finalizer is called (instead of an
# immediate close) for a suspended async generator that is dropped; asyncio.run's
# shutdown_asyncgens closes the ones still alive.
import asyncio
import sys

log = []


async def gen(tag, n=10):
    try:
        for i in range(n):
            yield i
    finally:
        log.append(f"{tag} finally")


async def breaks_out():
    async for x in gen("a"):
        if x == 2:
            break
    log.append("after break")
    await asyncio.sleep(0)
    log.append("after sleep")


asyncio.run(breaks_out())
print(log)

kept = []


async def keeps_one():
    g = gen("kept")
    kept.append(g)
    print(await g.__anext__(), await g.__anext__())
    log.append("main done")


log.clear()
asyncio.run(keeps_one())
print(log, kept[0].ag_running, kept[0].ag_frame is None)

print(sys.get_asyncgen_hooks())
seen = []
sys.set_asyncgen_hooks(firstiter=lambda g: seen.append(("first", g.__name__)),
                       finalizer=lambda g: seen.append(("final", g.__name__)))


def drive(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value


log.clear()
g = gen("manual")
print(drive(g.__anext__()), seen)
del g
print(seen, log)
g2 = gen("done", 1)
print(drive(g2.__anext__()))
try:
    drive(g2.__anext__())
except StopAsyncIteration:
    print("exhausted")
del g2
print(seen, log)
sys.set_asyncgen_hooks(None, None)
g3 = gen("nohook")
drive(g3.__anext__())
del g3
print(seen, log)
for bad in [dict(finalizer=3), dict(firstiter="x")]:
    try:
        sys.set_asyncgen_hooks(**bad)
    except TypeError as e:
        print(type(e).__name__, e)
