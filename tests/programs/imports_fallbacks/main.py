# try/except ImportError fallbacks (the freeze accepts a missing module there), imports
# inside functions (run when called, once), and the errors of failed imports.
try:
    import fast_json as json_impl
except ImportError:
    json_impl = None
print("fallback:", json_impl)
try:
    from accelerated import speedup
except (ModuleNotFoundError, ValueError) as e:
    print(type(e).__name__, e, e.name)

    def speedup(x):
        return x + 1
print(speedup(1))
try:
    import compat.missing_backend
except Exception as e:
    print(type(e).__name__, e, e.name)
import compat
print(compat.BACKEND, compat.loads("[1]"))


def lazy():
    import counter
    counter.hits += 1
    return counter.hits


print(lazy(), lazy(), lazy())


def lazy_from():
    from compat.pure import loads as pure_loads
    return pure_loads("x")


print(lazy_from())
try:
    import counter.sub
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import broken_mod
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    import broken_mod
except ZeroDivisionError as e:
    print("again:", type(e).__name__, e)
try:
    from math import nosuch
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], e.name)
import math as m
print(m.__name__, m.floor(2.5))
print("ok")
