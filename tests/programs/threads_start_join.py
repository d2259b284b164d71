# Threads started with threading run, share data under locks, and are joined; queues,
# executors and events hand work between them, as CPython's threads do.
import threading
import queue
from concurrent.futures import ThreadPoolExecutor, as_completed

out = []
lock = threading.Lock()


def work(n):
    for i in range(3):
        with lock:
            out.append((n, i))


ts = [threading.Thread(target=work, args=(k,), name=f"w{k}") for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(out))
print(threading.active_count(), threading.current_thread().name, [t.is_alive() for t in ts])
print(threading.get_ident() == threading.main_thread().ident, threading.get_ident() == ts[0].ident)
print(all(isinstance(t.ident, int) and isinstance(t.native_id, int) for t in ts))

# An event handed from the main thread to a waiting thread.
ev = threading.Event()
res = []


def waiter():
    ev.wait()
    res.append("woke")


t = threading.Thread(target=waiter)
t.start()
res.append("set")
ev.set()
t.join()
print(res)

# Producer and consumer over a queue.
q = queue.Queue(maxsize=2)


def producer():
    for i in range(10):
        q.put(i)
    q.put(None)


def consumer():
    total = 0
    while (x := q.get()) is not None:
        total += x
    print("total", total)


a = threading.Thread(target=producer)
b = threading.Thread(target=consumer)
b.start()
a.start()
a.join()
b.join()

# A pool of worker threads.
with ThreadPoolExecutor(4) as ex:
    print(list(ex.map(lambda x: x * x, range(10))))
    print(ex.submit(pow, 2, 10).result())
    futs = [ex.submit(sum, range(n)) for n in (10, 100, 1000)]
    print(sorted(f.result() for f in as_completed(futs)))
    bad = ex.submit(int, "x")
    try:
        bad.result()
    except ValueError as e:
        print("future raised:", e)

# A thread that only busy-waits still lets the main thread run: threads take turns.
flag = False


def spin():
    n = 0
    while not flag:
        n += 1
    print("spin done")


t = threading.Thread(target=spin)
t.start()
while not t.is_alive():
    pass
flag = True
t.join()

# An exception that ends a thread goes to threading.excepthook.
def hook(args):
    print("hook:", args.exc_type.__name__, args.exc_value, args.thread.name)


threading.excepthook = hook
t = threading.Thread(target=lambda: 1 / 0, name="Z")
t.start()
t.join()
t = threading.Thread(target=lambda: exit(3), name="X")
t.start()
t.join()
threading.excepthook = threading.__excepthook__
print("end")
