# Fan-out with gather, a failing task, return_exceptions, as_completed and wait.
import asyncio


async def job(i, fail=None):
    await asyncio.sleep(0.005 * (5 - i))
    if i == fail:
        raise ValueError(f"job {i} failed")
    return i * 10


async def main():
    print(await asyncio.gather(*(job(i) for i in range(5))))
    try:
        await asyncio.gather(*(job(i, fail=2) for i in range(5)))
    except ValueError as e:
        print("gather raised", type(e).__name__, e)
    res = await asyncio.gather(*(job(i, fail=3) for i in range(5)), return_exceptions=True)
    print([(type(r).__name__, str(r)) for r in res])

    # Completion order fixed by the loop's FIFO callbacks, not by timers.
    loop = asyncio.get_running_loop()
    futs = [loop.create_future() for _ in range(5)]
    for i in [3, 0, 4, 1, 2]:
        loop.call_soon(futs[i].set_result, i * 10)
    got = []
    for fut in asyncio.as_completed(futs):
        got.append(await fut)
    print("as_completed", got)

    async def timed(delay, fail):
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f"failed after {delay}")
        return delay

    plan = [(10, False), (0, True), (0, False)]
    tasks = [asyncio.create_task(timed(d, f), name=f"job{i}") for i, (d, f) in enumerate(plan)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("first exception", sorted(t.get_name() for t in done), len(pending))
    for t in sorted(done, key=lambda t: t.get_name()):
        if t.exception():
            print(t.get_name(), "exception", repr(t.exception()))
        else:
            print(t.get_name(), "result", t.result())
    for t in pending:
        t.cancel()
    await asyncio.wait(pending)
    print("all done", all(t.done() for t in tasks), [t.cancelled() for t in tasks])

    t = asyncio.create_task(job(4))
    print("task name set", t.get_name().startswith("Task-"))
    print(await t, t.done(), t.cancelled())

    async def boom():
        raise KeyError("k")

    t = asyncio.ensure_future(boom())
    try:
        await t
    except KeyError as e:
        print("awaited", type(e).__name__, e)

    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "soon")
    print(await fut)
    fut = loop.create_future()
    try:
        fut.result()
    except asyncio.InvalidStateError as e:
        print(type(e).__name__)
    fut.set_exception(RuntimeError("bad"))
    try:
        await fut
    except RuntimeError as e:
        print("future", e)

    class Err(Exception):
        pass

    async def nested():
        try:
            await asyncio.gather(job(0), boom())
        except KeyError as e:
            raise Err("wrapped") from e

    try:
        await nested()
    except Err as e:
        print(type(e).__name__, e, type(e.__cause__).__name__)

    print(asyncio.iscoroutinefunction(job), asyncio.iscoroutinefunction(print))
    c = job(0)
    print(asyncio.iscoroutine(c), asyncio.isfuture(fut))
    c.close()


asyncio.run(main())
