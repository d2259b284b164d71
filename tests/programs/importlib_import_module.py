# importlib.import_module over native and image modules, with CPython's errors;
# importlib.reload's argument checks.
import importlib
import sys

m = importlib.import_module("math")
print(m.sqrt(9), m is sys.modules["math"])
print(importlib.import_module("sys") is sys)
c = importlib.import_module("collections.abc")
print(c.__name__, "collections.abc" in sys.modules, "collections" in sys.modules)
print(importlib.import_module(".abc", "collections") is c)
print(importlib.import_module("..abc", "collections.abc") is c)
for name, package in [
    ("nosuch_module_xyz", None),
    ("math.sub", None),
    ("collections.nosuch", None),
    (".x", None),
    ("..x", "toplevel"),
    ("", None),
]:
    try:
        importlib.import_module(name, package)
    except (ImportError, TypeError, ValueError) as e:
        print(type(e).__name__, e, getattr(e, "name", "-"))
sys.modules["planted"] = "a str"
print(importlib.import_module("planted"))
sys.modules["planted"] = None
try:
    importlib.import_module("planted")
except ImportError as e:
    print(type(e).__name__, e)
for bad in (5, "text"):
    try:
        importlib.reload(bad)
    except (TypeError, ImportError) as e:
        print(type(e).__name__, e)
print(importlib.reload(m) is m)
print(importlib.__import__("math") is m)
importlib.invalidate_caches()
print("ok")
