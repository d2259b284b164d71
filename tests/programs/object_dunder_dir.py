# object.__dir__: reachable from classes (getattr(cls, name) for every name of dir(cls)),
# and what super().__dir__() answers inside a class's own __dir__.
class A:
    x = 1

    def meth(self):
        pass


a = A()
a.y = 2
print(callable(A.__dir__), "__dir__" in dir(A), "__dir__" in vars(object))
print([n for n in dir(A) if n not in ("__sizeof__", "__weakref__") and getattr(A, n, "missing") == "missing"])
print(sorted(object.__dir__(a)) == dir(a), "y" in a.__dir__(), "x" in a.__dir__())


class B(A):
    def __dir__(self):
        return ["extra"] + list(super().__dir__())


b = B()
print(dir(b)[:3], "extra" in dir(b), "meth" in dir(b))


try:
    object.__dir__()
except TypeError as e:
    print(type(e).__name__)
