# Threads that start threads, 500 short threads, generators suspended across switches, a
# collection in a thread, a lock released by an exception, and what ended threads held freed.
import threading, gc, time, weakref
# threads starting threads
res = []
def leaf(i): res.append(i)
def parent(n):
    ts = [threading.Thread(target=leaf, args=(n * 10 + k,)) for k in range(3)]
    for t in ts: t.start()
    for t in ts: t.join()
ps = [threading.Thread(target=parent, args=(n,)) for n in range(3)]
for p in ps: p.start()
for p in ps: p.join()
print(sorted(res))
# many short threads
cnt = [0]; lk = threading.Lock()
def inc():
    with lk: cnt[0] += 1
ts = [threading.Thread(target=inc) for _ in range(500)]
for t in ts: t.start()
for t in ts: t.join()
print(cnt[0], threading.active_count())
# generator suspended across switches; gc in a thread
def gen():
    for i in range(3):
        time.sleep(0.001)
        yield i
out = []
def consume(): out.append(list(gen())); gc.collect()
ts = [threading.Thread(target=consume) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(out)
# exception inside with lock releases it
lk2 = threading.Lock()
def bad():
    with lk2:
        raise RuntimeError("x")
threading.excepthook = lambda a: print("hook", a.exc_value)
t = threading.Thread(target=bad); t.start(); t.join()
print(lk2.locked())
class Obj: pass
o = Obj(); r = weakref.ref(o)
t = threading.Thread(target=lambda o=o: None); t.start(); t.join(); del t, o
gc.collect(); print(r())
# a cycle through a thread object is collected after the thread ends
class Holder:
    def __init__(self): self.t = threading.Thread(target=self.run)
    def run(self): pass
h = Holder(); h.t.start(); h.t.join(); hr = weakref.ref(h); del h; gc.collect(); print(hr())
