# Calls dispatched through __call__ and other special methods from native code count
# against the recursion limit instead of looping or overflowing.


def check(name, f):
    try:
        print(name, f())
    except RecursionError as e:
        print(name, type(e).__name__, e)
    except Exception as e:
        print(name, "other", type(e).__name__, e)


class C:
    pass


c = C()
C.__call__ = c
check("__call__ is the instance", lambda: c())


def chained(name):
    class X:
        pass

    cls = X
    obj = cls()
    setattr(cls, name, obj)
    cls.__call__ = obj
    return obj


check("__getattr__", lambda: chained("__getattr__").missing)
check("__bool__", lambda: bool(chained("__bool__")))
check("__len__", lambda: len(chained("__len__")))
check("__iter__", lambda: iter(chained("__iter__")))
check("__next__", lambda: next(chained("__next__")))
check("__format__", lambda: format(chained("__format__"), ""))
check("__hash__", lambda: hash(chained("__hash__")))
check("__lt__", lambda: chained("__lt__") < 1)
check("__add__", lambda: chained("__add__") + 1)
check("__getitem__", lambda: chained("__getitem__")[0])
check("__contains__", lambda: 1 in chained("__contains__"))
check("__eq__", lambda: chained("__eq__") == 1)
check("__neg__", lambda: -chained("__neg__"))

d = chained("__get__")


class Host:
    attr = d


check("descriptor __get__", lambda: Host().attr)


class Ok:
    def __call__(self, x):
        return x + 1


check("callable instance", lambda: Ok()(1))
check("map over callable", lambda: list(map(Ok(), [1, 2])))

sm = staticmethod(len)
for _ in range(1200):
    sm = staticmethod(sm)
check("nested staticmethod", lambda: sm([1, 2]))


def nest(make, n=1200):
    x = make(())
    for _ in range(n):
        x = make(x)
    return x


# CPython hashes a tuple nest without a recursion check.
t1, t2 = nest(lambda x: (x,)), nest(lambda x: (x,))
check("deep tuple hash equal", lambda: hash(t1) == hash(t2))
check("deep tuple hash", lambda: hash(t1))
check("deep tuple hash 2", lambda: hash(nest(lambda x: (1, x, 2.5))))


class T(tuple):
    pass


check("deep tuple subclass hash", lambda: hash(nest(lambda x: T((x,)))) == hash(t1))
check("flat tuple hash", lambda: hash((1, 2, (3.5, (), (4,)))))
