# A class's namespace holds `__dict__`/`__weakref__` descriptors where CPython's does, and
# everything `dir(cls)` lists can be read from the class (typing.no_type_check walks them).
import typing


class C:
    pass


class D(C):
    pass


class S:
    __slots__ = ("a",)


class W:
    __slots__ = ("__weakref__",)


class Doc:
    "docstring"
    x = 1


class E(Exception):
    pass


class L(list):
    pass


class I(int):
    pass


for cls in (C, D, S, W, Doc, E, L, I):
    print(cls.__name__, list(cls.__dict__))

print(D.__weakref__ is C.__weakref__, D.__dict__ is not C.__dict__)
print(type(C.__weakref__).__name__, C.__weakref__.__name__, C.__weakref__.__objclass__.__name__)
print(repr(C.__dict__["__dict__"]))
print(hasattr(S, "__weakref__"), hasattr(W, "__weakref__"), hasattr(int, "__weakref__"))
c = C()
print(c.__weakref__, C.__weakref__.__get__(c))


class P:
    @property
    def x(self):
        return 1


p = P()
p.y = 2
print(p.__dict__, P.__dict__["__dict__"].__get__(p))
p.__dict__ = {"z": 3}
print(p.z, vars(p))
P.__dict__["__dict__"].__set__(p, {"w": 4})
print(p.w, p.x)
try:
    P.__dict__["__dict__"].__set__(p, 5)
except TypeError as e:
    print(type(e).__name__, e)

missing = []
for name in dir(C):
    try:
        getattr(C, name)
    except AttributeError as e:
        missing.append(name)
print("unreadable:", missing)


@typing.no_type_check
class NTC:
    def f(self, x: int) -> int:
        return x


print(NTC.f.__no_type_check__, typing.get_type_hints(NTC.f))

# __sizeof__ is object's method: positive sizes, arguments checked.
print(object.__sizeof__(c) > 0, [1, 2].__sizeof__() > [].__sizeof__() - 1, (1).__sizeof__() > 0)
try:
    object().__sizeof__(1)
except TypeError as e:
    print(type(e).__name__, e)
