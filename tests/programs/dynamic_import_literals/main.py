# Modules named by a string literal in importlib.import_module / __import__ calls are frozen
# with the program, so they import at run time as on CPython.
import importlib

m = importlib.import_module("json")
print(m.dumps([1, "a"]))
h = __import__("hashlib")
print(h.md5(b"").hexdigest())
sub = importlib.import_module("pkg.sub")
print(sub.VALUE, importlib.import_module("pkg").__name__)
rel = importlib.import_module("pkg.other")
print(rel.NAME, rel.__name__)
try:
    importlib.import_module("no_such_module_xyz")
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
print(__import__("os.path").path.join("a", "b"))


def later():
    from importlib import import_module

    return import_module("colorsys").rgb_to_hsv(1, 0, 0)


print(later())
names = ["pkg.sub", "json"]
print([importlib.import_module(n).__name__ for n in names])
