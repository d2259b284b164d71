# OrderedDict used from both ends (LRU and FIFO patterns), checked against a plain list model,
# and plain dicts drained from the front while iterating from the start.
from collections import OrderedDict
import random

rng = random.Random(7)
od = OrderedDict()
model = []  # keys in order


def check(tag):
    assert list(od) == model, (tag, list(od), model)
    assert list(od.items()) == [(k, k * 10) for k in model], tag
    assert list(reversed(od)) == model[::-1], tag
    assert len(od) == len(model), tag


for step in range(3000):
    op = rng.randrange(10)
    op = 0 if op >= 7 else op
    k = rng.randrange(60)
    if op == 0:
        if k not in od:
            model.append(k)
        od[k] = k * 10
    elif op == 1 and k in od:
        od.move_to_end(k)
        model.remove(k)
        model.append(k)
    elif op == 2 and k in od:
        od.move_to_end(k, last=False)
        model.remove(k)
        model.insert(0, k)
    elif op == 3 and od:
        kk, vv = od.popitem(last=False)
        assert kk == model.pop(0) and vv == kk * 10
    elif op == 4 and od:
        kk, vv = od.popitem()
        assert kk == model.pop() and vv == kk * 10
    elif op == 5 and k in od:
        del od[k]
        model.remove(k)
    elif op == 6 and od:
        assert next(iter(od)) == model[0]
        assert next(reversed(od)) == model[-1]
    if step % 100 == 0:
        check(step)
check("end")
print(len(od), list(od)[:10])

# Front inserts into an empty and a one-item dict, then equality and copies.
a = OrderedDict()
a["x"] = 1
a.move_to_end("x", last=False)
a["y"] = 2
a.move_to_end("y", last=False)
a["z"] = 3
print(list(a.items()), a == OrderedDict([("y", 2), ("x", 1), ("z", 3)]), dict(a) == {"x": 1, "y": 2, "z": 3})
b = a.copy()
b.move_to_end("z", last=False)
print(list(b), list(a))
try:
    a.move_to_end("nope", last=False)
except KeyError as e:
    print("KeyError", e)
while a:
    print(a.popitem(last=False))
try:
    a.popitem(last=False)
except KeyError as e:
    print("KeyError", e)

# A plain dict drained from the front: iteration, next(iter(d)), popitem order.
d = dict.fromkeys(range(20), 0)
for i in range(15):
    del d[next(iter(d))]
print(list(d), next(iter(d)), d.popitem())
d[100] = 1
print(list(d.items()))
it = iter(d)
del d[16]
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", e)
