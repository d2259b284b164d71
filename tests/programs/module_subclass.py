# types.ModuleType subclasses: construction, module.__init__, __dict__, a class __getattr__,
# sys.modules entries; PEP 562 module __getattr__/__dir__.
import sys
import types


class M(types.ModuleType):
    def __init__(self, name, extra):
        super().__init__(name, "the doc")
        self.extra = extra

    def __getattr__(self, name):
        if name.startswith("dyn_"):
            return name[4:].upper()
        raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")

    @property
    def size(self):
        return len(self.__dict__)

    def hello(self):
        return "hi " + self.__name__


m = M("plug", 7)
print(m.__name__, m.__doc__, m.extra, m.dyn_abc, m.size, m.hello())
print(isinstance(m, types.ModuleType), [c.__name__ for c in type(m).__mro__])
print(repr(m))
print(m.__dict__ is vars(m), sorted(m.__dict__))
del m.extra
try:
    m.extra
except AttributeError as e:
    print(type(e).__name__, e)
try:
    M("x")
except TypeError as e:
    print(type(e).__name__, e)


class N(types.ModuleType):
    pass


n = N("n")
print(repr(n), n.__spec__, n.__package__, n.__loader__, n.__doc__)
print(sorted(dir(n)))
for args in [(), (3,), ("a", "b", "c")]:
    try:
        N(*args)
    except TypeError as e:
        print(type(e).__name__, e)
exec("def f(): return 40 + 2\nVAL = 9", n.__dict__)
print(n.f(), n.VAL, n.f.__module__)
types.ModuleType.__init__(n, "renamed", "new doc")
print(n.__name__, n.__doc__, repr(n))

sys.modules["plug"] = m
try:
    import plug
except ImportError:
    raise
print(plug is m, plug.dyn_xyz)
try:
    from plug import dyn_q, size
except ImportError:
    raise
print(dyn_q, size)

lazy = types.ModuleType("lazy")


def module_getattr(name):
    if name == "magic":
        return 42
    raise AttributeError(f"module 'lazy' has no attribute {name!r}")


lazy.__getattr__ = module_getattr
lazy.__dir__ = lambda: ["zz", "aa"]
print(lazy.magic, getattr(lazy, "magic"), hasattr(lazy, "other"))
try:
    lazy.other
except AttributeError as e:
    print(type(e).__name__, e)
sys.modules["lazy"] = lazy
try:
    from lazy import magic
except ImportError:
    raise
print(magic, dir(lazy))
try:
    from lazy import missing
except ImportError as e:
    print(type(e).__name__, e)
