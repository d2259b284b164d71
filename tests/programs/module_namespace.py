# Internal type names stay out of the builtins namespace; the module namespace has
# __builtins__ (the builtins module in a script); dir() lists the calling scope.
import builtins

for n in ["cell", "NoneType", "function", "generator", "module", "code", "method",
          "ellipsis", "NotImplementedType", "dict_keys", "iterator",
          "builtin_function_or_method", "len", "object", "range", "enumerate"]:
    print(n, hasattr(builtins, n))
try:
    print(cell)
except NameError as e:
    print(type(e).__name__, e)
try:
    print(NoneType)
except NameError as e:
    print(type(e).__name__, e)
print(type(None).__name__, type(len).__name__, type(lambda: 0).__name__)
print("__builtins__" in dir(), __builtins__ is builtins, builtins.len is len)
print(builtins.__name__, __name__, __doc__, __spec__, __package__)
print([n for n in dir() if not n.startswith("__")])
x = 1
print([n for n in dir() if not n.startswith("__")])


def f(a, b=2, *args, **kw):
    c = 1

    def g():
        return a

    print(dir())
    del c
    print(dir())
    return g


f(1)


def h():
    x = 1

    def inner():
        print(dir())
        return x

    inner()
    y = 2
    return y


h()


class C:
    p = 1

    def m(self):
        pass

    print(dir())


print([dir() for i in range(1)])
