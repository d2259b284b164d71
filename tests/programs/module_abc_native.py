from _abc import (get_cache_token, _abc_init, _abc_register, _abc_instancecheck,
                  _abc_subclasscheck, _get_dump, _reset_registry, _reset_caches)


class Meta(type):
    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        _abc_init(cls)
        return cls

    def register(cls, subclass):
        return _abc_register(cls, subclass)

    def __instancecheck__(cls, instance):
        return _abc_instancecheck(cls, instance)

    def __subclasscheck__(cls, subclass):
        return _abc_subclasscheck(cls, subclass)


def abstract(f):
    f.__isabstractmethod__ = True
    return f


class Shape(metaclass=Meta):
    @abstract
    def area(self):
        pass

    @abstract
    def name(self):
        pass

    def describe(self):
        return "shape"


class Square(Shape):
    def area(self):
        return 4


class Named(Square):
    def name(self):
        return "named"


class Sized(metaclass=Meta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            return hasattr(C, "__len__")
        return NotImplemented


print(sorted(Shape.__abstractmethods__), sorted(Square.__abstractmethods__), sorted(Named.__abstractmethods__))
print(type(Shape._abc_impl).__name__, "_abc_impl" in Shape.__dict__)
print(issubclass(Square, Shape), isinstance(Named(), Shape), issubclass(Named, Square))
print(issubclass(list, Sized), issubclass(int, Sized), isinstance([], Sized), isinstance(3, Sized))
print(issubclass(dict, Sized), isinstance({}, Sized))


class Base(metaclass=Meta):
    pass


class Middle(Base):
    pass


class Leaf(Middle):
    pass


class Virtual:
    pass


Middle.register(Virtual)
print(issubclass(Virtual, Base), issubclass(Virtual, Middle), issubclass(Virtual, Leaf))
print(issubclass(Leaf, Base), issubclass(Base, Leaf), isinstance(Virtual(), Base), issubclass(int, Base))


class Point:
    pass


token = get_cache_token()
print(Shape.register(Point) is Point, get_cache_token() == token + 1)
print(issubclass(Point, Shape), isinstance(Point(), Shape), Shape.register(Square) is Square)
print(get_cache_token() == token + 1)
registry, cache, negative, version = _get_dump(Shape)
print(sorted(r().__name__ for r in registry), sorted(r().__name__ for r in cache))
_reset_caches(Shape)
print(len(_get_dump(Shape)[1]), issubclass(Point, Shape))
_reset_registry(Shape)
_reset_caches(Shape)
print(issubclass(Point, Shape), isinstance(Point(), Shape))

try:
    Shape.register(3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Square.register(Shape)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    issubclass(3, Shape)
except TypeError as e:
    print(type(e).__name__, e)


class Bad(metaclass=Meta):
    @classmethod
    def __subclasshook__(cls, C):
        return 1


try:
    issubclass(int, Bad)
except AssertionError as e:
    print(type(e).__name__, e)


class NoImpl:
    pass


try:
    _abc_subclasscheck(NoImpl, int)
except AttributeError as e:
    print(type(e).__name__)
NoImpl._abc_impl = 5
try:
    _abc_subclasscheck(NoImpl, int)
except TypeError as e:
    print(type(e).__name__, e)
