# Functions, built-ins and bound methods have __call__ (hasattr(f, "__call__") is the
# everyday callable test); calling it calls them.


def f(x=1, *, y=2):
    return (x, y)


class C:
    def m(self, k=0):
        return ("m", k)

    def __call__(self, v):
        return ("instance", v)


objs = {"function": f, "lambda": lambda: 0, "builtin": len, "bound": C().m, "list.append": [].append, "class": C, "instance": C()}
for name, obj in objs.items():
    print(name, hasattr(obj, "__call__"), callable(obj))
print(f.__call__(5, y=6), C().m.__call__(k=3), len.__call__([1, 2]), C().__call__(9))
print(C.__call__(C(), 4), type(C.__call__(C(), 4)).__name__)
print("__call__" in dir(f), "__call__" in dir(len), "__call__" in dir(C().m))
print(hasattr(1, "__call__"), hasattr("s", "__call__"), hasattr(None, "__call__"))
try:
    f.__call__(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
print(sorted(["b", "a"], key=str.upper.__call__) if hasattr(str.upper, "__call__") else "no")
