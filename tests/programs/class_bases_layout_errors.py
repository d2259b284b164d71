# Class creation errors: duplicate bases, instance lay-out conflicts from __slots__ and
# built-in bases, and the slot combinations that are fine.
class A:
    pass


class B(A):
    pass


for bases in [(A, A), (A, B), (int, str), (B, B, A)]:
    try:
        type("X", bases, {})
        print("created", [b.__name__ for b in bases])
    except TypeError as e:
        print(type(e).__name__, e)


class I:
    __slots__ = ("a",)


class J:
    __slots__ = ("b",)


class Empty:
    __slots__ = ()


class DictOnly:
    __slots__ = ("__dict__", "__weakref__")


class I2(I):
    __slots__ = ("c",)


for name, bases in [("IJ", (I, J)), ("IEmpty", (I, Empty)), ("IDict", (I, DictOnly)),
                    ("I2I", (I2, I)), ("JI2", (J, I2)), ("PlainI", (A, I))]:
    try:
        cls = type(name, bases, {})
        print("created", name, [k.__name__ for k in cls.__mro__])
    except TypeError as e:
        print(name, type(e).__name__, e)
try:
    class K(I, J):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class L(A, A):
        pass
except TypeError as e:
    print(type(e).__name__, e)
