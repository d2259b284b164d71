# __annotations__ of functions, classes and modules, evaluated as CPython 3.11 does.

def t(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)
x: int = 1
y: "str"
def f(a: int, b: "x" = 2, *args: str, c: list[int] = 3, **kw: float) -> None:
    pass
def g(a, b):
    pass
class C:
    p: int
    q: str = "s"
    def m(self) -> int: return 1
class D:
    pass
class E(C):
    r: float
t("f", lambda: f.__annotations__)
t("g", lambda: g.__annotations__)
t("C", lambda: C.__annotations__)
t("C.q", lambda: (C.q, hasattr(C, "p")))
t("D", lambda: D.__annotations__)
t("E", lambda: E.__annotations__)
t("m", lambda: C.m.__annotations__)
t("mod", lambda: __annotations__)
t("lambda", lambda: (lambda z: z).__annotations__)
def h(): pass
h.__annotations__ = {"a": 1}
t("set", lambda: h.__annotations__)



def outer():
    T = int

    def mid():
        def inner(x: T) -> list[T]:
            y: T = 1
            return y
        return inner
    return mid()


t("closure annotation", lambda: outer().__annotations__)


class K:
    __secret: int
    a: int = 1
    if True:
        b: str
    for _i in range(1):
        c: float


t("mangled and nested", lambda: K.__annotations__)


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    pass


t("metaclass class", lambda: WithMeta.__annotations__)
t("builtin", lambda: int.__annotations__)


class Holder:
    pass


h = Holder()
h.attr: int = 5
d = {}
d["k"]: str = "v"
t("complex targets", lambda: (h.attr, d, "attr" in getattr(Holder, "__annotations__", {})))


def f(a: int):
    pass


f.__annotations__ = {"z": 1}
t("assign", lambda: f.__annotations__)
f.__annotations__ = None
t("assign none", lambda: f.__annotations__)
t("assign bad", lambda: setattr(f, "__annotations__", 1))
t("same dict", lambda: f.__annotations__ is f.__annotations__)


def evaluated_order():
    log = []

    def ann(x):
        log.append(x)
        return x

    def h(a: ann("a"), b: ann("b") = ann("default")) -> ann("ret"):
        pass
    return log


t("evaluation order", evaluated_order)
t("no annotations in function body", lambda: outer.__code__.co_varnames)
