import types
# f.__code__ assignment; object.__format__; attributes functions and code objects inherit.

G = "module global"


def a():
    return ("a", G)


def b():
    return ("b", G)


a.__code__ = b.__code__
print(a(), a.__name__)
a.__code__ = b.__code__.replace(co_name="renamed_b")
print(a(), a.__code__.co_name)
G = "changed"
print(a())


def gen():
    yield 1
    return 2


co = types.coroutine(gen)
print(co is gen, bool(gen.__code__.co_flags & 0x100))


async def run_it():
    return await co()


c = run_it()
try:
    print(c.send(None))
    c.send(None)
except StopIteration as s:
    print("returned", s.value)


def with_free():
    x = 1

    def inner():
        return x

    return inner


try:
    a.__code__ = with_free().__code__
except ValueError as e:
    print("ValueError", e)
try:
    a.__code__ = 5
except TypeError as e:
    print("TypeError", e)
def f(): yield 1
print(f.__class__, f.__code__.__class__, type(f).__name__)
for n in ["__eq__", "__hash__", "__repr__", "__str__", "__ne__", "__reduce_ex__", "__format__", "__init__", "__getattribute__", "__setattr__", "__lt__", "__new__"]:
    try:
        getattr(f, n); print(n, "ok")
    except AttributeError as e:
        print(n, "AttributeError")
print(f.__eq__(f), f.__ne__(f), f.__hash__() == hash(f), f.__repr__() == repr(f), f.__format__("") == str(f))
print(types.FunctionType is type(f), f.__class__ is types.FunctionType)
o = object()
print(str(o)[:15], repr(o)[:15], format(o)[:15], o.__str__()[:15], o.__repr__()[:15], o.__format__("")[:15])
class K: pass
k = K()
print(str(k)[:12], k.__format__("")[:12], format(k, "")[:12], f"{k}"[:12])
class W:
    def __format__(self, spec):
        return "W:" + super().__format__(spec)
    def __str__(self): return "wstr"
print(format(W()), f"{W()}")
try:
    format(W(), "x")
except TypeError as e:
    print(e)
