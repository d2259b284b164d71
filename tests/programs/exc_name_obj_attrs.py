# AttributeError/NameError carry the missing name (and object), as CPython 3.11 sets them.
print(AttributeError().name, AttributeError().obj, NameError().name)
e = AttributeError("x", name="n", obj=3)
print(e.name, e.obj, e.args)
print(NameError("m", name="q").name, UnboundLocalError(name="u").name)
print(ImportError("i", name="mod", path="p").path)
for cls, kw in [(AttributeError, "foo"), (NameError, "obj"), (ModuleNotFoundError, "x"),
                (ValueError, "name")]:
    try:
        cls("m", **{kw: 1})
    except TypeError as e:
        print(type(e).__name__, e)

try:
    undefined_name
except NameError as e:
    print("NameError", e.name)

try:
    (1).foo
except AttributeError as e:
    print("AttributeError", e.name, e.obj)

import math
try:
    math.nope
except AttributeError as e:
    print(e.name, e.obj is math)

try:
    getattr("s", "missing")
except AttributeError as e:
    print(e.name, e.obj)


class WithHook:
    def __getattr__(self, n):
        raise AttributeError(n)


class Named:
    def __getattr__(self, n):
        raise AttributeError(n, name="other", obj=5)


class Prop:
    @property
    def p(self):
        raise AttributeError("inner")


for obj, attr in [(WithHook(), "zz"), (Named(), "zz"), (Prop(), "p")]:
    try:
        getattr(obj, attr)
    except AttributeError as e:
        print(type(obj).__name__, e, e.name, type(e.obj).__name__)


def outer():
    def inner():
        return later
    inner()
    later = 1


try:
    outer()
except NameError as e:
    print(type(e).__name__, e.name)


def local():
    x
    x = 1


try:
    local()
except UnboundLocalError as e:
    print(type(e).__name__, e.name)
print(hasattr(Prop(), "p"), getattr(Prop(), "p", "dflt"))
