e = ImportError("x")
print(repr(e.name), repr(e.path), repr(e.msg))
e = ImportError("x", name="n", path="p")
print(e.name, e.path, e.msg, e.args, str(e))
e = ModuleNotFoundError("m", name="q")
print(e.name, e.msg)
print(repr(ImportError("a", "b").msg))
for f in [lambda: ImportError("x", bad=1), lambda: ValueError("x", k=1), lambda: KeyError(k=1)]:
    try:
        f()
    except TypeError as ex:
        print("TypeError", ex)
try:
    import nosuchmod_zz
except ImportError as ex:
    print(type(ex).__name__, ex.name, ex.msg, ex.path)
e = ImportError("x"); e.name = "set"; print(e.name)
import importlib
try:
    importlib.import_module("..x", "toplevel")
except ImportError as ex:
    print(repr(ex.name), ex)
