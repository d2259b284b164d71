import gc

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

def make_cycle():
    a = Node("a")
    b = Node("b")
    a.other = b
    b.other = a

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(gc.get_threshold())
gc.collect()
make_cycle()
print(gc.collect() > 0)
print(gc.collect())
l = []
l.append(l)
del l
print(gc.collect() >= 1)
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked({"a": []}), gc.is_tracked(Node("x")))
print(gc.is_finalized(Node("y")))
d = {}
d["self"] = d
del d
print(gc.collect(0) >= 1)
def gen():
    try:
        yield 1
    finally:
        print("finally ran")
def gen_cycle():
    g = gen()
    next(g)
    holder = [g]
    holder.append(holder)
gen_cycle()
print("collecting")
print(gc.collect() > 0)
for f in [lambda: gc.enable(1), lambda: gc.collect(3), lambda: gc.collect('x'), lambda: gc.set_threshold(), lambda: gc.is_tracked(), lambda: gc.collect(1,2), lambda: gc.set_threshold(1,2,3,4), lambda: gc.collect(generation=5), lambda: gc.get_count(1), lambda: gc.set_threshold(2**40)]:
  try: print(f())
  except Exception as e: print(type(e).__name__, e)
gc.set_threshold(500, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.garbage, gc.callbacks, gc.DEBUG_LEAK, gc.DEBUG_STATS)
phases = []
def cb(phase, info):
    phases.append((phase, sorted(info)))
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print(phases)
print(len(gc.get_stats()), sorted(gc.get_stats()[0]))
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
