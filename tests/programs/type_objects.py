# type objects: type(x), __name__, identity comparisons, isinstance with a type or a tuple.
values = [1, 1.5, True, None, "s", b"b", [1], (1,), {1: 2}, {1}, range(2), len, print]
for v in values:
    print(type(v).__name__, type(v))
print(type(1) is int, type(True) is bool, type(True) is int, type(type(1)).__name__)
print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance(1.0, (str, float)))
print(isinstance("x", str), isinstance([], (list, tuple)), isinstance(None, type(None)))
print(int, str, float, list, dict, type, object)
print(int.__name__, type.__name__, type(int).__name__, type(len).__name__)
def f():
    yield 1
print(type(f).__name__, type(f()).__name__, type(lambda: 0).__name__)
print(int("5") + type(5)(7), str(12) + type("")(3), list((1,)) == type([])((1,)))
print(issubclass(bool, int), issubclass(int, object), issubclass(int, (str, int)))
kinds = {int: "integer", str: "string"}
print(kinds[type(3)], kinds.get(type(2.0), "other"))
