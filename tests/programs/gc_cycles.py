# Reference cycles of every kind of container are found and freed by gc.collect(); what is
# still referenced survives; automatic collections keep an allocation loop's garbage bounded.
import gc
from _collections import deque
from _functools import partial


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


def pair():
    a = Node("a")
    b = Node("b")
    a.other = b
    b.other = a
    return a


gc.collect()
gc.disable()
for _ in range(50):
    pair()
print("50 pairs:", gc.collect() >= 100)
gc.enable()

kept = pair()
print("kept:", gc.collect(), kept.other.other.name, kept.other.name)

d = deque()
d.append(d)
del d
print("deque:", gc.collect() >= 1)

box = []
p = partial(print, box)
box.append(p)
del box, p
print("partial:", gc.collect() >= 1)


def closure_cycle():
    def inner():
        return inner
    return None


closure_cycle()
print("closure:", gc.collect() >= 1)

m = {}
m["m"] = m
m["list"] = [m, (m, 1)]
del m
print("dict/list/tuple:", gc.collect() >= 2)


class Tree:
    def __init__(self, parent):
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)


root = Tree(None)
for i in range(10):
    Tree(Tree(root))
del root
print("tree:", gc.collect() >= 21)


def gen():
    try:
        yield 1
        yield 2
    finally:
        print("generator closed")


def gen_cycle():
    g = gen()
    next(g)
    holder = [g]
    holder.append(holder)


gen_cycle()
print("before collect")
print("generator:", gc.collect() > 0)

try:
    raise ValueError("boom")
except ValueError as e:
    err = e
err.self_ref = err
del err
print("exception:", gc.collect() >= 1)

# Automatic collections: thresholds low, 2000 cycles made, few left at the end.
gc.set_threshold(50, 5, 5)
for i in range(2000):
    pair()
print("auto:", gc.collect() < 200)
gc.set_threshold(700, 10, 10)

# A class referencing itself through its methods and an instance.
def make_class():
    class C:
        def me(self):
            return C
    C.instance = C()
make_class()
print("class:", gc.collect() >= 2)

survivor = [1, 2]
survivor.append(survivor)
gc.collect()
print("survivor:", survivor[0], survivor[2][1], len(survivor))
