# A special method stored on a class as a callable that is not a descriptor (a
# functools.partial, an instance with __call__) is called without the instance, as
# CPython's special-method lookup does; functions and descriptors still bind.
import functools

P = functools.partial


def count(*args):
    return len(args)


class Counter:
    def __call__(self, *args):
        return ("called with", len(args))


class Binder:
    """A descriptor: binds through __get__."""

    def __get__(self, obj, owner=None):
        return lambda *args: ("bound to", type(obj).__name__, len(args))


class C:
    __len__ = P(count)
    __bool__ = P(lambda *a: len(a) == 0)
    __hash__ = P(count, 1, 2)
    __getitem__ = P(lambda *a: ("getitem", len(a)))
    __contains__ = P(lambda *a: len(a) == 1)
    __format__ = P(lambda *a: "format%d" % len(a))
    __str__ = P(lambda *a: "str%d" % len(a))
    __repr__ = Counter()
    __lt__ = P(lambda *a: ("lt", len(a)))
    __add__ = Counter()
    __neg__ = Counter()
    __iter__ = P(lambda *a: iter(range(len(a) + 2)))
    __index__ = P(count, 5)
    __call__ = Counter()
    __eq__ = Binder()


c = C()
print(len(c), bool(c), hash(c), c[5], 3 in c)
print(format(c, "x"), f"{c}", str(c), "%s" % c)
print(c < 1, c + 1, -c, list(c), [10, 20, 30][c])
print(c(1, 2), c(), c.__len__())
print(c == 1)
try:
    print(repr(c))
except TypeError as e:
    print("TypeError", e)


class G:
    __getattr__ = P(lambda *a: ("getattr", a))


print(G().anything)


class S:
    __setattr__ = P(lambda *a: print("setattr got", a))


S().x = 1


class Meta(type):
    __call__ = P(lambda *a: ("meta call", a))


class M(metaclass=Meta):
    pass


print(M(7))
