# Which dunders built-in values have: hasattr(1, "__iter__") is false.

for v in [1, 1.5, "a", b"a", [1], (1,), {1: 2}, {1}, frozenset(), range(1), None, True, len]:
    print(type(v).__name__, [n for n in ["__len__", "__getitem__", "__setitem__", "__delitem__", "__contains__", "__iter__", "__next__", "__add__", "__sub__", "__mul__", "__hash__", "__bool__", "__format__", "__lt__", "__eq__"] if hasattr(v, n)])
print(hasattr(iter([]), "__next__"), hasattr((x for x in []), "__next__"), hasattr([], "__next__"))
print(hasattr({}.keys(), "__len__"), hasattr({}.keys(), "__getitem__"))
def is_iterable(x):
    return hasattr(x, "__iter__")
print([is_iterable(v) for v in [1, "a", [1], None, 2.5, range(3)]])
