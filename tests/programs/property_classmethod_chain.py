# classmethod wrapping a property binds through it (3.11), writable property docstrings,
# property messages naming the qualified class, __set_name__'s arity.
class Outer:
    class cls:
        foo = property()


o = Outer.cls()
for op in ("get", "set", "del"):
    try:
        if op == "get":
            o.foo
        elif op == "set":
            o.foo = 1
        else:
            del o.foo
    except AttributeError as e:
        print(e)


class N:
    pass


N.foo = property()
try:
    N().foo
except AttributeError as e:
    print(e)


class A:
    @classmethod
    @property
    def __doc__(cls):
        return "A doc for %r" % cls.__name__


class B:
    @classmethod
    @property
    def name(cls):
        return cls.__name__ + "!"


class C(B):
    pass


print(A.__doc__, B.name, B().name, C.name, C().name)


class Desc:
    def __get__(self, obj, typ=None):
        return ("get", getattr(obj, "__name__", obj), getattr(typ, "__name__", typ))


class D:
    via = classmethod(Desc())


print(D.via, D().via)
p = property(lambda s: 1, doc="d")
print(p.__doc__)
p.__doc__ = "e"
print(p.__doc__)


def getter(self):
    "getter doc"
    return 1


print(property(getter).__doc__)
for args in [(), (1,), (1, 2, 3)]:
    try:
        property().__set_name__(*args)
    except TypeError as e:
        print(e)
