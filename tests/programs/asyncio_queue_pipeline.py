# Producer/consumer pipelines over asyncio.Queue, Event, Lock and Semaphore.
import asyncio


async def producer(q, n, name):
    for i in range(n):
        await q.put(f"{name}-{i}")
        await asyncio.sleep(0)
    return name


async def consumer(q, seen, lock):
    while True:
        item = await q.get()
        async with lock:
            seen.append(item)
        q.task_done()


async def pipeline():
    q = asyncio.Queue(maxsize=2)
    seen = []
    lock = asyncio.Lock()
    consumers = [asyncio.create_task(consumer(q, seen, lock)) for _ in range(3)]
    names = await asyncio.gather(producer(q, 4, "a"), producer(q, 3, "b"))
    await q.join()
    for c in consumers:
        c.cancel()
    res = await asyncio.gather(*consumers, return_exceptions=True)
    print("producers", names)
    print("seen", sorted(seen), len(seen))
    print("consumers", [type(r).__name__ for r in res])
    print("empty", q.empty(), q.qsize(), q.full())


async def queue_errors():
    q = asyncio.Queue(maxsize=1)
    q.put_nowait(1)
    try:
        q.put_nowait(2)
    except asyncio.QueueFull as e:
        print("QueueFull", type(e).__name__, repr(e))
    print(q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", type(e).__name__)
    try:
        q.task_done()
        q.task_done()
    except ValueError as e:
        print(type(e).__name__, e)
    pq = asyncio.PriorityQueue()
    for x in [5, 1, 4, 2]:
        pq.put_nowait((x, str(x)))
    print([pq.get_nowait() for _ in range(4)])
    lq = asyncio.LifoQueue()
    for x in "abc":
        lq.put_nowait(x)
    print([lq.get_nowait() for _ in range(3)])


async def events_and_semaphores():
    ev = asyncio.Event()
    order = []

    async def waiter(i):
        await ev.wait()
        order.append(i)

    tasks = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print("set before", ev.is_set(), order)
    ev.set()
    await asyncio.gather(*tasks)
    print("set after", ev.is_set(), sorted(order))

    sem = asyncio.Semaphore(2)
    active = 0
    peak = 0

    async def worker(i):
        nonlocal active, peak
        async with sem:
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0.001)
            active -= 1
        return i * i

    print("squares", await asyncio.gather(*(worker(i) for i in range(6))))
    print("peak", peak, sem.locked())
    bs = asyncio.BoundedSemaphore(1)
    await bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print(type(e).__name__, e)
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        print(type(e).__name__, e)
    async with lock:
        print("locked", lock.locked())
    print("locked", lock.locked())
    cond = asyncio.Condition()
    box = []

    async def cwait():
        async with cond:
            await cond.wait_for(lambda: box)
            return box[0]

    t = asyncio.create_task(cwait())
    await asyncio.sleep(0)
    async with cond:
        box.append("ready")
        cond.notify_all()
    print("condition", await t)


asyncio.run(pipeline())
asyncio.run(queue_errors())
asyncio.run(events_and_semaphores())
