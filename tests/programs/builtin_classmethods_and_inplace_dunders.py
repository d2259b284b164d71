# Class methods of built-in types read through an instance of a subclass bind to that class
# (`D().fromkeys(...)` is a D), and bytes.fromhex through a subclass makes one; sets and dicts
# answer the in-place operator methods (`__ior__`, `__iand__` ...) and dicts `__ror__`.
from collections import OrderedDict


class D(dict):
    pass


class B(bytes):
    pass


class I(int):
    pass


class F(float):
    pass


print(type(D.fromkeys("ab")).__name__, type(D().fromkeys("ab")).__name__, D().fromkeys("ab", 0))
print(type({}.fromkeys("a")).__name__, type(OrderedDict().fromkeys("a")).__name__)
print(type(B(b"").fromhex("41")).__name__, type(B.fromhex("41 42")).__name__, B.fromhex("4142"))
print(type(I(0).from_bytes(b"\x01", "big")).__name__, type(I.from_bytes(b"\x01", "big")).__name__)
print(type(F(0).fromhex("0x1p1")).__name__, type(F.fromhex("0x1p1")).__name__)

d = {"a": 1}
r = d.__ior__({"b": 2})
print(r is d, d, d.__or__({"c": 3}), d.__ror__({"z": 0}), d.__ior__([("p", 9)]))
try:
    d.__ior__(None)
except TypeError as e:
    print("TypeError", e)
print(d.__or__(None), d.__ror__(1))

s = {1, 2, 3}
print(s.__ior__({4}) is s, s, s.__iand__({1, 2, 4, 9}), s.__isub__({1}), s.__ixor__({7, 2}), s)
print(s.__ior__([5]), s.__iand__(frozenset({4, 7})), s)


class S(set):
    pass


t = S({1})
print(type(t.__ior__({2})).__name__, t)
for v in ([], {}, set(), 1, "a", (), frozenset(), b""):
    print(type(v).__name__, [n for n in ("__iadd__", "__imul__", "__ior__", "__iand__", "__isub__", "__ixor__", "__ror__", "__rand__") if hasattr(v, n)])

# A dict view's `mapping` is a read-only view of its dict.
d = {"a": 1}
print(d.keys().mapping, type(d.items().mapping).__name__, d.values().mapping["a"])
m = d.keys().mapping
d["b"] = 2
print(len(m), m["b"], list(m))
try:
    m["c"] = 3
except TypeError as e:
    print("TypeError", e)
