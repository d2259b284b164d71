# Expression statements of 'single' code go through sys.displayhook, which writes to the
# current sys.stdout and binds builtins._; doctest runs on that (and on sys.settrace(None)).
import builtins
import doctest
import io
import sys


def sample():
    """
    >>> 1 + 1
    2
    >>> [i * i for i in range(3)]
    [0, 1, 4]
    >>> _
    [0, 1, 4]
    >>> for i in range(2):
    ...     print(i)
    0
    1
    >>> 1 / 0
    Traceback (most recent call last):
      ...
    ZeroDivisionError: division by zero
    >>> None
    >>> 'a'
    'a'
    >>> print(3)
    4
    >>> f() = 1
    Traceback (most recent call last):
    SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?
    """


m = type(sys)("sample_module")
m.sample = sample
m.__test__ = {"sample": sample}
print(doctest.testmod(m, verbose=False))

# The hook itself.
buf = io.StringIO()
saved = sys.stdout
sys.stdout = buf
try:
    exec(compile("40 + 2", "<s>", "single"))
    exec(compile("None", "<s>", "single"))
finally:
    sys.stdout = saved
print(repr(buf.getvalue()), builtins._)

seen = []
sys.displayhook = seen.append
exec(compile("'shown'\n", "<s>", "single"))
sys.displayhook = sys.__displayhook__
print(seen)
del sys.displayhook
try:
    exec(compile("1", "<s>", "single"))
except RuntimeError as e:
    print(type(e).__name__, e)
sys.displayhook = sys.__displayhook__

print(sys.gettrace(), sys.settrace(None), sys.setprofile(None))

# dir() of generators and coroutines lists their computed attributes.
g = (i for i in range(3))
print(sorted(a for a in dir(g) if not a.startswith("__")), "__qualname__" in dir(g))


async def co():
    pass


c = co()
print(sorted(a for a in dir(c) if a.startswith("cr_")), c.cr_suspended)
c.close()
