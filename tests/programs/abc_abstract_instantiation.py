# Instantiating a class with abstract methods fails as in CPython; a complete subclass works.
import abc


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...

    @abc.abstractmethod
    def name(self):
        ...

    def describe(self):
        return f"{self.name()} of area {self.area()}"


class Half(Shape):
    def area(self):
        return 1


class Square(Half):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def name(self):
        return "square"


for cls, args in [(Shape, ()), (Half, ()), (Square, (3,))]:
    try:
        obj = cls(*args)
        print(cls.__name__, "ok:", obj.describe())
    except TypeError as e:
        print(cls.__name__, type(e).__name__, e)

print(sorted(Shape.__abstractmethods__), sorted(Half.__abstractmethods__), Square.__abstractmethods__)


class WithNew(abc.ABC):
    def __new__(cls, *args):
        return super().__new__(cls)

    @abc.abstractmethod
    def run(self):
        ...


try:
    WithNew()
except TypeError as e:
    print(type(e).__name__, e)


# Clearing __abstractmethods__ lifts the restriction; setting it imposes one.
Shape.__abstractmethods__ = frozenset()
print(type(Shape()).__name__)


class Plain:
    pass


Plain.__abstractmethods__ = frozenset({"x"})
try:
    Plain()
except TypeError as e:
    print(type(e).__name__, e)
del Plain.__abstractmethods__
print(type(Plain()).__name__)


class Meta(abc.ABCMeta):
    pass


class Base(metaclass=Meta):
    @property
    @abc.abstractmethod
    def value(self):
        ...


class Impl(Base):
    value = 5


try:
    Base()
except TypeError as e:
    print(type(e).__name__, e)
print(Impl().value, isinstance(Impl(), Base), issubclass(Impl, Base))
