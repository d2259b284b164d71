# __getattribute__ overrides every attribute read; __getattr__ is the fallback.
class Logged:
    def __init__(self):
        self.x = 1

    def __getattribute__(self, name):
        if name.startswith("secret"):
            raise AttributeError("hidden " + name)
        v = object.__getattribute__(self, name)
        if isinstance(v, int):
            return v * 100
        return v

    def method(self):
        return "method"


o = Logged()
print(o.x, o.method(), getattr(o, "x"), hasattr(o, "secret_thing"))
try:
    o.secret
except AttributeError as e:
    print(type(e).__name__, e)
try:
    o.nothing
except AttributeError as e:
    print(type(e).__name__, e)


class Both:
    def __init__(self):
        self.real = "real"

    def __getattribute__(self, name):
        if name == "virtual_err":
            raise AttributeError(name)
        return super().__getattribute__(name)

    def __getattr__(self, name):
        return "getattr:" + name


b = Both()
print(b.real, b.virtual_err, b.missing)


# Counting every access, including method lookups.
class Counter:
    def __init__(self):
        object.__setattr__(self, "n", 0)

    def __getattribute__(self, name):
        if name != "n":
            object.__setattr__(self, "n", object.__getattribute__(self, "n") + 1)
        return object.__getattribute__(self, name)

    def ping(self):
        return "pong"


c = Counter()
c.ping()
c.ping()
c.__class__
print(c.n)


# Inherited __getattribute__.
class Sub(Logged):
    y = 7


s = Sub()
print(s.x, s.y)


# __getattr__ receives only names not found normally; properties raising AttributeError
# fall through to it.
class Props:
    @property
    def broken(self):
        raise AttributeError("broken inside")

    @property
    def fine(self):
        return "fine"

    def __getattr__(self, name):
        return "ga:" + name


p = Props()
print(p.fine, p.broken, p.other)


# __getattr__ raising a different exception propagates.
class Raises:
    def __getattr__(self, name):
        raise KeyError(name)


try:
    Raises().zzz
except KeyError as e:
    print(type(e).__name__, e)
print(getattr(Raises(), "__class__").__name__)


# object.__getattribute__ on a plain instance and on a class.
class Plain:
    z = 5


print(object.__getattribute__(Plain(), "z"))
try:
    object.__getattribute__(Plain(), "nope")
except AttributeError as e:
    print(type(e).__name__, e)


# __getattr__ on a metaclass serves class attribute misses.
class MetaGA(type):
    def __getattr__(cls, name):
        return "meta-ga:" + name


class WithMetaGA(metaclass=MetaGA):
    present = 1


print(WithMetaGA.present, WithMetaGA.absent)
try:
    WithMetaGA().absent
except AttributeError as e:
    print(type(e).__name__, e)
