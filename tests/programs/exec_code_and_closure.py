# exec of function code objects (with closure=), `global` in exec with separate locals,
# dir() over a locals mapping, compile with an empty file name.
def f():
    print("in f", y)


y = 3
exec(f.__code__)
exec(f.__code__, {"y": 4})
c = compile("def g():\n  return z\n", "<s>", "exec")
ns = {"z": 9}
exec(c, ns)
print(ns["g"]())
exec(ns["g"].__code__, {"z": 1})
print(eval(compile("z*2", "", "eval"), {"z": 5}))
exec(compile("print('empty file name')\n", "", "exec"))


def make():
    x = 5

    def inner():
        print("closure sees", x)
    return inner


inner = make()
exec(inner.__code__, {}, closure=inner.__closure__)
for kwargs in [{}, {"closure": (1,)}, {"closure": ()}, {"closure": [inner.__closure__[0]]}]:
    try:
        exec(inner.__code__, {}, **kwargs)
    except TypeError as e:
        print(type(e).__name__, e)
for src, kwargs in [(f.__code__, {"closure": inner.__closure__}), ("1", {"closure": ()}),
                    ("1", {"bogus": 1})]:
    try:
        exec(src, {}, **kwargs)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    eval(inner.__code__)
except TypeError as e:
    print(type(e).__name__, e)
try:
    eval("1", globals={})
except TypeError as e:
    print(type(e).__name__, e)

g = {}
loc = {}
exec("global a; a = 1; b = 2", g, loc)
g.pop("__builtins__", None)
print(g, loc)


class Mapping:
    def __getitem__(self, key):
        if key == "a":
            return 12
        raise KeyError(key)

    def keys(self):
        return list("zyx")


m = Mapping()
print(eval("a", globals(), m), eval("dir()", globals(), m))
try:
    eval("b", globals(), m)
except NameError as e:
    print(type(e).__name__, e)
