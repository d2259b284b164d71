# Every built-in exception class CPython 3.11 has, with its base, and the OSError aliases.
import builtins

def is_exception(n):
    v = getattr(builtins, n)
    return isinstance(v, type) and issubclass(v, BaseException) and "Group" not in n


names = sorted(filter(is_exception, dir(builtins)))
for n in names:
    cls = getattr(builtins, n)
    print(n, cls.__base__.__name__)
print(IOError is OSError, EnvironmentError is OSError)
try:
    raise BrokenPipeError(32, "pipe")
except ConnectionError as e:
    print(type(e).__name__, e.args, isinstance(e, OSError))
try:
    raise PendingDeprecationWarning("soon")
except Warning as e:
    print(type(e).__name__, e)
