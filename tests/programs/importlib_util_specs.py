# importlib.util imports; module_from_spec and spec_from_loader build modules and specs as
# importlib._bootstrap does.
import importlib.util
import sys

print(importlib.util.MAGIC_NUMBER, importlib.util._RAW_MAGIC_NUMBER)


class Loader:
    def is_package(self, name):
        return name == "pkg"

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.x = 42


spec = importlib.util.spec_from_loader("demo.mod", Loader(), origin="somewhere")
print(spec.name, spec.parent, spec.origin, spec.submodule_search_locations)
m = importlib.util.module_from_spec(spec)
print(type(m).__name__, m.__name__, m.__package__, m.__spec__ is spec, hasattr(m, "__path__"))
spec.loader.exec_module(m)
print(m.x, hasattr(m, "__file__"))
pspec = importlib.util.spec_from_loader("pkg", Loader())
print(pspec.parent, pspec.submodule_search_locations)
p = importlib.util.module_from_spec(pspec)
print(p.__path__, p.__package__)


class Creating:
    def create_module(self, spec):
        mod = type(sys)("made")
        mod.__name__ = "already"
        return mod

    def exec_module(self, module):
        pass


c = importlib.util.module_from_spec(importlib.util.spec_from_loader("other", Creating()))
print(c.__name__, c.__spec__.name)


class NoCreate:
    def exec_module(self, module):
        pass


try:
    importlib.util.module_from_spec(importlib.util.spec_from_loader("x", NoCreate()))
except ImportError as e:
    print(type(e).__name__, e)
print(importlib.util.find_spec("no_such_mod_x"))
