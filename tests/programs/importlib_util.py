# importlib.util: the bytecode constants, cache paths, decode_source, and specs/modules made
# from loaders and file locations.
import importlib.util
import sys

print(importlib.util.MAGIC_NUMBER, importlib.util._RAW_MAGIC_NUMBER)
print(importlib.util.cache_from_source("/a/b/c.py"))
print(importlib.util.cache_from_source("x.py", optimization=2))
print(importlib.util.cache_from_source("pkg/mod.py", optimization=""))
try:
    importlib.util.cache_from_source("x.py", optimization="a-b")
except ValueError as e:
    print(type(e).__name__, e)
print(importlib.util.source_from_cache("/a/b/__pycache__/c.cpython-311.pyc"))
print(importlib.util.source_from_cache("__pycache__/m.cpython-311.opt-1.pyc"))
for bad in ["/a/b/c.cpython-311.pyc", "/a/__pycache__/c.pyc"]:
    try:
        importlib.util.source_from_cache(bad)
    except ValueError as e:
        print(type(e).__name__, e)
print(repr(importlib.util.decode_source(b"a\r\nb\rc\n")))

spec = importlib.util.spec_from_loader("pkg.mod", None)
print(spec.name, spec.parent, spec.loader, spec.origin, spec.submodule_search_locations)
m = importlib.util.module_from_spec(spec)
print(type(m).__name__, m.__name__, m.__package__, m.__spec__ is spec, m.__loader__)
print(hasattr(m, "__file__"))
pspec = importlib.util.spec_from_loader("pkg", None, is_package=True)
print(pspec.parent, pspec.submodule_search_locations)
print(importlib.util.module_from_spec(pspec).__path__)
s2 = importlib.util.spec_from_file_location("foo", "/tmp/foo.py")
print(s2.name, s2.origin, s2.has_location, s2.cached)
m2 = importlib.util.module_from_spec(s2)
print(m2.__file__, m2.__cached__, m2.__name__)
exec("def double(x): return 2 * x", m2.__dict__)
sys.modules["foo"] = m2
try:
    from foo import double
except ImportError:
    raise
print(double(21))
