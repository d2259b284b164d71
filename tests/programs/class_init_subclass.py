# __init_subclass__, __set_name__ and __class_getitem__.
class Plugin:
    registry = []

    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)


class Alpha(Plugin, name="alpha!"):
    pass


class Beta(Plugin):
    pass


class Gamma(Beta, name="g"):
    pass


print(Plugin.registry, Alpha.plugin_name, Gamma.plugin_name)
print(hasattr(Plugin, "plugin_name"))

try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    class Bad2(unknown=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)


# Explicit classmethod works the same; the implicit one is a classmethod in __dict__.
class Base:
    @classmethod
    def __init_subclass__(cls, **kw):
        cls.kw = kw


class Sub(Base, a=1, b=2):
    pass


print(Sub.kw)
print(type(Plugin.__dict__["__init_subclass__"]).__name__)


# __set_name__ is called on every attribute defining it, in definition order.
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.owner = owner
        self.name = name

    def __get__(self, inst, owner=None):
        if inst is None:
            return self
        return getattr(inst, "_" + self.name, "default-" + self.name)


class Model:
    first = Field()
    second = Field()
    plain = 3


print(Model.first.name, Model.second.owner.__name__, Model().first)
m = Model()
m._second = "set"
print(m.second)


# __set_name__ errors propagate.
class Exploding:
    def __set_name__(self, owner, name):
        raise ValueError("no " + name)


try:
    class Boom:
        x = Exploding()
except RuntimeError as e:
    print(type(e).__name__, e, "|", type(e.__cause__).__name__, e.__cause__)


# __set_name__ runs before __init_subclass__.
class Order:
    def __init_subclass__(cls):
        print("init_subclass", cls.__name__, cls.field.name)


class Ordered(Order):
    field = Field()


# __class_getitem__ is an implicit classmethod.
class Box:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)


class SubBox(Box):
    pass


print(Box[int], SubBox[str, int], type(Box.__dict__["__class_getitem__"]).__name__)

try:
    class NoGet:
        pass
    NoGet[int]
except TypeError as e:
    print(type(e).__name__, e)


# A metaclass __getitem__ takes precedence over __class_getitem__.
class GM(type):
    def __getitem__(cls, item):
        return "meta " + str(item)


class Both(metaclass=GM):
    def __class_getitem__(cls, item):
        return "cgi"


print(Both[1])
