# Timeouts (wait_for, asyncio.timeout) and cancellation with CancelledError behaviour.
import asyncio


async def slow(log, delay=10):
    try:
        await asyncio.sleep(delay)
        return "finished"
    except asyncio.CancelledError:
        log.append("slow cancelled")
        raise
    finally:
        log.append("slow cleanup")


async def main():
    log = []
    try:
        await asyncio.wait_for(slow(log), timeout=0.01)
    except asyncio.TimeoutError as e:
        print("wait_for", type(e).__name__, e is not None, TimeoutError is asyncio.TimeoutError)
    print(log)

    print(await asyncio.wait_for(asyncio.sleep(0, "quick"), timeout=1))

    log.clear()
    try:
        async with asyncio.timeout(0.01) as cm:
            await slow(log)
    except TimeoutError:
        print("timeout cm expired", cm.expired())
    print(log)

    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0)
    print("no deadline", cm.when(), cm.expired())

    log.clear()
    t = asyncio.create_task(slow(log))
    await asyncio.sleep(0)
    print("cancel returns", t.cancel(), t.cancelling())
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled", t.cancelled(), t.done())
    print(log)
    print("cancel again", t.cancel())
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result raises", type(e).__name__)

    async def stubborn():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            return "swallowed"

    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print(await t, t.cancelled())

    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    t.cancel("with message")
    try:
        await t
    except asyncio.CancelledError as e:
        print("message", e.args)

    inner = asyncio.create_task(asyncio.sleep(10, "x"))
    shielded = asyncio.shield(inner)
    shielded.cancel()
    try:
        await shielded
    except asyncio.CancelledError:
        print("shield cancelled", inner.cancelled())
    inner.cancel()
    try:
        await inner
    except asyncio.CancelledError:
        print("inner cancelled", inner.cancelled())

    print(issubclass(asyncio.CancelledError, BaseException),
          issubclass(asyncio.CancelledError, Exception))

    async def tg_demo():
        results = []
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(asyncio.sleep(0.001))
                tg.create_task(slow(results))

                async def fail():
                    await asyncio.sleep(0)
                    raise ValueError("in group")

                tg.create_task(fail())
        except* ValueError as eg:
            print("group", [str(e) for e in eg.exceptions])
        print(results)

    await tg_demo()
    loop = asyncio.get_running_loop()
    order = []
    loop.call_later(0.002, order.append, "later")
    loop.call_soon(order.append, "soon")
    await asyncio.sleep(0.01)
    print(order)


asyncio.run(main())
