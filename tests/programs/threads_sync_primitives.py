# Conditions, semaphores, barriers, timers, thread-locals and per-thread exception state
# behave as CPython's with real threads taking turns.
import sys
import threading
import time

cond = threading.Condition()
ready = []


def w(i):
    with cond:
        cond.wait_for(lambda: len(ready) > 0)
        ready.append(i)


ts = [threading.Thread(target=w, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
with cond:
    ready.append("go")
    cond.notify_all()
for t in ts:
    t.join()
print(sorted(map(str, ready)))

sem = threading.BoundedSemaphore(2)
active = [0]
peak = [0]


def s():
    with sem:
        active[0] += 1
        peak[0] = max(peak[0], active[0])
        time.sleep(0.01)
        active[0] -= 1


ts = [threading.Thread(target=s) for i in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("peak", peak[0])
try:
    sem.release()
except ValueError as e:
    print("ValueError:", e)

b = threading.Barrier(3)
order = []


def bw(i):
    order.append(("before", i))
    b.wait()
    order.append(("after", i))


ts = [threading.Thread(target=bw, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(all(x[0] == "before" for x in order[:3]), len(order))

fired = []
tm = threading.Timer(0.01, lambda: fired.append(1))
tm.start()
tm.join()
print("timer", fired)
tm = threading.Timer(10, lambda: fired.append(2))
tm.start()
tm.cancel()
tm.join()
print("cancelled", fired)

e = threading.Event()
t = threading.Thread(target=e.wait, name="waiter", daemon=True)
t.start()
t.join(0.01)
print("alive", t.is_alive(), t.daemon, t.name)
e.set()
t.join()
print("alive", t.is_alive())
print(repr(threading.current_thread()).startswith("<_MainThread(MainThread, started"))
print(e.wait(0.001), threading.Event().wait(0.001))

lk = threading.Lock()
lk.acquire()
print("timed acquire", lk.acquire(timeout=0.01), lk.acquire(blocking=False))
got = []
t = threading.Thread(target=lambda: got.append(lk.acquire(timeout=5)))
t.start()
lk.release()
t.join()
print("other thread took it", got, lk.locked())

rl = threading.RLock()


def try_rlock():
    got.append(rl.acquire(blocking=False))


with rl:
    with rl:
        t = threading.Thread(target=try_rlock)
        t.start()
        t.join()
t = threading.Thread(target=try_rlock)
t.start()
t.join()
print("rlock", got[1:])
try:
    rl.release()
except RuntimeError as e:
    print("RuntimeError:", e)

local = threading.local()
local.x = 1
seen = []


def lw():
    seen.append(hasattr(local, "x"))
    local.x = 2
    seen.append(local.x)


t = threading.Thread(target=lw)
t.start()
t.join()
print("local", local.x, seen)


class L(threading.local):
    def __init__(self, tag):
        self.v = (tag, threading.current_thread().name)


loc = L("t")
got = []
t = threading.Thread(target=lambda: got.append(loc.v), name="other")
t.start()
t.join()
print(loc.v, got)

e2 = threading.Event()
t = threading.Thread(target=e2.wait, name="e2")
t.start()
print(sorted(x.name for x in threading.enumerate()), threading.active_count())
e2.set()
t.join()


def rec(n):
    return rec(n + 1)


res = []


def rt():
    try:
        rec(0)
    except RecursionError as ex:
        res.append(str(ex))


t = threading.Thread(target=rt)
t.start()
t.join()
print(res)


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


out = []
ts = [threading.Thread(target=lambda: out.append(depth(900))) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(out)

# The exception being handled is each thread's own.
in_handler = threading.Event()
main_checked = threading.Event()


def h():
    try:
        raise KeyError("in thread")
    except KeyError:
        in_handler.set()
        main_checked.wait()
        print("thread sees", repr(sys.exc_info()[1]))


t = threading.Thread(target=h)
t.start()
try:
    raise ValueError("main")
except ValueError:
    in_handler.wait()
    print("main sees", repr(sys.exc_info()[1]))
    main_checked.set()
t.join()
print(sys.exc_info())

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())


# Left running at exit: a daemon thread is stopped, a non-daemon one is waited for.
def forever():
    while True:
        time.sleep(0.01)


threading.Thread(target=forever, daemon=True).start()
go = threading.Event()


def late():
    go.wait()
    print("late thread done")


threading.Thread(target=late).start()
print("main done")
go.set()
