# sys.modules is the registry imports consult and fill: entries a program stores are what
# `import` gives, a deleted entry is imported afresh, a failed import leaves no entry.
import sys
import helper

print("helper" in sys.modules, sys.modules["helper"] is helper, helper.COUNT)
print(sys.modules["__main__"].__name__, sys.modules["sys"] is sys)
import helper as again

print(again is helper, helper.COUNT)
del sys.modules["helper"]
import helper as fresh

print(fresh is helper, fresh.COUNT, helper.COUNT)


class Fake:
    answer = 42


sys.modules["virtual_mod"] = Fake()
try:
    import virtual_mod
except ImportError:
    virtual_mod = None
print(type(virtual_mod).__name__, virtual_mod.answer)
try:
    from virtual_mod import answer
except ImportError:
    answer = None
print(answer)
sys.modules["blocked"] = None
try:
    import blocked
except ImportError as e:
    print(type(e).__name__, e)
try:
    import broken
except ZeroDivisionError as e:
    print(type(e).__name__, e, "broken" in sys.modules)
import pkg.sub

print(sorted(k for k in sys.modules if k.startswith("pkg")), pkg.sub.VALUE)
import builtins

print(builtins.len is len, builtins.__name__, "builtins" in sys.modules)
m = __import__("pkg.sub")
print(m.__name__)
m = __import__("pkg.sub", fromlist=["VALUE"])
print(m.__name__)
m = __import__("sub", globals={"__package__": "pkg"}, level=1)
print(m.__name__)
m = __import__("", globals={"__name__": "pkg.sub"}, fromlist=["sub"], level=1)
print(m.__name__)
for bad in [dict(name=1), dict(name="x", level=-1), dict(name="")]:
    try:
        __import__(**bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    __import__("x", globals={}, level=1)
except KeyError as e:
    print(type(e).__name__, e)
try:
    __import__("x", globals={"__name__": "top"}, level=1)
except ImportError as e:
    print(type(e).__name__, e)
try:
    __import__("x", globals={"__package__": 5}, level=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    __import__("nope_missing_mod")
except ImportError as e:
    print(type(e).__name__, e)
