# OrderedDict's keys/values/items views: their types (odict_*), reprs and behaviour.
from collections import OrderedDict

od = OrderedDict(a=1, b=2, c=3)
ks, vs, its = od.keys(), od.values(), od.items()
print(ks)
print(vs)
print(its)
print(type(ks).__name__, type(vs).__name__, type(its).__name__)
print([c.__name__ for c in type(ks).__mro__])
print(isinstance(ks, type({}.keys())), issubclass(type(its), type({}.items())))
od.move_to_end("a")
print(ks, list(vs))
print(len(ks), "b" in ks, 2 in vs, ("c", 3) in its, ("c", 4) in its)
print(sorted(ks & {"a", "z"}), sorted(ks | {"z"}), sorted(ks - {"a"}))
print(list(reversed(ks)), list(reversed(vs)), list(reversed(its)))
print(ks == {"a", "b", "c"}, its == {("b", 2), ("c", 3), ("a", 1)})
print(ks.isdisjoint(["x"]), ks.isdisjoint(["b"]))
print(OrderedDict().keys(), OrderedDict().items())
print(dict.keys(OrderedDict(x=1)), type(dict.values(od)).__name__)


class Sub(OrderedDict):
    pass


s = Sub([(1, "one"), (2, "two")])
print(s.keys(), s.items(), type(s.values()).__name__)
rec = OrderedDict()
rec["self"] = rec
print(rec.items(), rec.values())
od["d"] = 4
print(ks, vs)
del od["b"]
print(its)
