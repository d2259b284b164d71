# __prepare__: the namespace mapping the class body runs against.
class OrderedNS(dict):
    def __init__(self):
        super().__init__()
        self.order = []

    def __setitem__(self, key, value):
        if not key.startswith("__"):
            self.order.append(key)
        super().__setitem__(key, value)


class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", mcs.__name__, name, [b.__name__ for b in bases], kw)
        return OrderedNS()

    def __new__(mcs, name, bases, ns, **kw):
        print("ns type", type(ns).__name__)
        cls = super().__new__(mcs, name, bases, dict(ns))
        cls.order = ns.order
        return cls


class C(metaclass=Meta, opt=1):
    b = 1
    a = 2

    def m(self):
        pass

    b = 3


print(C.order, C.b, C.a)


# A namespace that records lookups and supplies defaults for missing names.
class AutoNS(dict):
    def __missing__(self, key):
        if key.startswith("auto_"):
            return key[5:]
        raise KeyError(key)


class AutoMeta(type):
    def __prepare__(name, bases):
        return AutoNS()

    def __new__(mcs, name, bases, ns):
        return super().__new__(mcs, name, bases, dict(ns))


class D(metaclass=AutoMeta):
    x = auto_hello
    y = len("abc")


print(D.x, D.y)


# Enum-like member collection with duplicate detection.
class MemberNS(dict):
    def __init__(self):
        super().__init__()
        self.members = []

    def __setitem__(self, key, value):
        if key in self and not key.startswith("_"):
            raise TypeError("duplicate member %r" % key)
        if not key.startswith("_") and isinstance(value, int):
            self.members.append(key)
        super().__setitem__(key, value)


class EnumMeta(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return MemberNS()

    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, dict(ns))
        cls._members = list(ns.members)
        return cls

    def __iter__(cls):
        return iter(cls._members)

    def __len__(cls):
        return len(cls._members)

    def __contains__(cls, item):
        return item in cls._members


class Color(metaclass=EnumMeta):
    RED = 1
    GREEN = 2
    BLUE = 3


print(list(Color), len(Color), "RED" in Color, "PINK" in Color)

try:
    class Dup(metaclass=EnumMeta):
        A = 1
        A = 2
except TypeError as e:
    print(type(e).__name__, e)


# __prepare__ must return a mapping; a non-dict is rejected by type.__new__.
class BadPrepare(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return OrderedNS()


try:
    class E(metaclass=BadPrepare):
        q = 1
    print(E.q, "order" in E.__dict__)
except TypeError as e:
    print(type(e).__name__, e)

# del in a class body goes through the mapping too.
class G(metaclass=AutoMeta):
    tmp = 1
    del tmp
    keep = 2


print(hasattr(G, "tmp"), G.keep)
