# _queue.SimpleQueue (queue.SimpleQueue, the executor's work queue): FIFO order, non-blocking
# and timed gets, argument errors in CPython's words, and a blocking get woken by another
# thread's put.
import _queue
import queue
import threading

print(queue.SimpleQueue is _queue.SimpleQueue, queue.Empty is _queue.Empty)
print(_queue.Empty.__mro__, _queue.SimpleQueue.__module__, _queue.SimpleQueue[int])
q = queue.SimpleQueue()
for f in [lambda: queue.SimpleQueue(1), lambda: queue.SimpleQueue(x=1),
          lambda: q.get(timeout=-1), lambda: q.get(False), lambda: q.get_nowait(),
          lambda: q.get(timeout=0.01), lambda: q.get(True, "x"), lambda: q.get(1, 2, 3),
          lambda: q.put(), lambda: q.get(block=False, timeout=-1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__module__, type(e).__name__, repr(e))
q.put(1)
q.put_nowait(2)
q.put(3, block=False, timeout=7)
q.put(item=4)
print(q.qsize(), q.empty(), q.get(), q.get_nowait(), q.get(False), q.get(timeout=1), q.empty())


class Q(queue.SimpleQueue):
    pass


print(type(Q()).__name__, isinstance(Q(), queue.SimpleQueue))

results = queue.SimpleQueue()


def worker():
    while (item := q.get()) is not None:
        results.put(item * 2)


ts = [threading.Thread(target=worker) for _ in range(3)]
for t in ts:
    t.start()
for i in range(10):
    q.put(i)
for t in ts:
    q.put(None)
for t in ts:
    t.join()
print(sorted(results.get() for _ in range(10)), results.empty())
