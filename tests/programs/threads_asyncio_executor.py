# asyncio hands blocking calls to threads (to_thread, run_in_executor) and its loop wakes when
# they finish: the loop's selector waits in turns with the executor's threads.
import asyncio
import threading
import time


def blocking(n):
    time.sleep(0.01)
    return n * 2, threading.current_thread() is threading.main_thread()


async def main():
    print(await asyncio.gather(*(asyncio.to_thread(blocking, i) for i in range(4))))
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, blocking, 10))
    fut = loop.create_future()
    threading.Thread(target=lambda: loop.call_soon_threadsafe(fut.set_result, "from thread")).start()
    print(await asyncio.wait_for(fut, 5))
    try:
        await asyncio.wait_for(asyncio.to_thread(time.sleep, 0.3), 0.05)
    except asyncio.TimeoutError:
        print("timed out")


asyncio.run(main())
