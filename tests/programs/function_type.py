# types.FunctionType: functions made from code objects, globals dicts, defaults, closures.
import types


def scale(x, k=2):
    return x * k + OFFSET


OFFSET = 1
f = types.FunctionType(scale.__code__, {"OFFSET": 100})
print(f(3), scale(3), f.__name__, f.__qualname__, f.__defaults__)
f2 = types.FunctionType(scale.__code__, {"OFFSET": 0}, "named", (10,))
print(f2(3), f2.__name__, f2.__defaults__)
g = {"OFFSET": 5, "__name__": "fake"}
f3 = types.FunctionType(scale.__code__, g)
print(f3(1, 1), f3.__module__, f3.__globals__ is g)


def counter_factory():
    n = 0
    def bump():
        nonlocal n
        n += 1
        return n
    return bump


b = counter_factory()
cell = b.__closure__[0]
b2 = types.FunctionType(b.__code__, globals(), "bump2", None, (cell,))
print(b(), b2(), b(), cell.cell_contents)
try:
    types.FunctionType(b.__code__, globals())
except Exception as e:
    print(type(e).__name__, e)

mod = compile("def made(a, *, b=3):\n    return a + b + Z\n", "<m>", "exec")
code = [c for c in mod.co_consts if hasattr(c, "co_code")][0]
h = types.FunctionType(code, {"Z": 1000}, None, None)
print(h(1, b=2), h.__name__, h.__kwdefaults__)


def writes():
    global W
    W = 42
    return W


ns = {}
w = types.FunctionType(writes.__code__, ns)
print(w(), ns.get("W"), "W" in globals())


def uses_len(s):
    return len(s)


ul = types.FunctionType(uses_len.__code__, {"len": lambda s: -1})
print(ul("abc"), uses_len("abc"))
ul2 = types.FunctionType(uses_len.__code__, {})
print(ul2("abcd"))

for bad in [(1, {}), (scale.__code__, []), (scale.__code__, {}, 5), (scale.__code__, {}, None, [1])]:
    try:
        types.FunctionType(*bad)
    except Exception as e:
        print(type(e).__name__, e)
