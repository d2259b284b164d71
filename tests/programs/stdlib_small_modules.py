# os.path, numbers, reprlib, contextlib, colorsys, keyword and warnings as application code
# uses them.
import colorsys
import contextlib
import fractions
import keyword
import numbers
import os.path
import reprlib
import warnings

print(os.path.join("a", "b", "../c"), os.path.normpath("/a/./b/../c//d"), os.path.splitext("x.tar.gz"))
print(os.path.basename("/p/q.py"), os.path.dirname("/p/q.py"), os.path.split("/p/q"), os.path.isabs("x"))
print(os.path.commonpath(["/a/b/c", "/a/b/d"]), os.path.commonprefix(["interview", "internet"]), os.path.relpath("/a/b/c", "/a/d"))
print(os.path.expanduser("nothing"), os.path.splitdrive("/x"), os.path.normcase("/A/b"))

print(isinstance(3, numbers.Integral), isinstance(3.0, numbers.Real), isinstance(1j, numbers.Complex), isinstance(fractions.Fraction(1, 2), numbers.Rational))
print(issubclass(bool, numbers.Number), isinstance("3", numbers.Number))


class Money(numbers.Real):
    pass


try:
    Money()
except TypeError as e:
    print("TypeError", str(e)[:40])

r = reprlib.Repr()
r.maxlist = 3
print(reprlib.repr(list(range(100))), reprlib.repr("x" * 100), r.repr([1, 2, 3, 4, 5]), reprlib.repr({i: i for i in range(10)}))


class Node:
    @reprlib.recursive_repr()
    def __repr__(self):
        return f"Node({self.child!r})"


n = Node()
n.child = n
print(repr(n))


@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")


with tag("b") as t, contextlib.suppress(KeyError):
    print(t)
    {}["missing"]
with contextlib.ExitStack() as stack:
    for name in ("x", "y"):
        stack.enter_context(tag(name))
    stack.callback(print, "callback")
with contextlib.redirect_stdout(__import__("io").StringIO()) as buf:
    print("hidden")
print(repr(buf.getvalue()), contextlib.nullcontext(5).__enter__())


class Resource(contextlib.AbstractContextManager):
    def __exit__(self, *exc):
        print("closed", exc[0].__name__ if exc[0] else None)


with Resource() as res:
    pass
try:
    with Resource():
        raise ValueError("v")
except ValueError:
    print("propagated")

print(colorsys.rgb_to_hsv(0.2, 0.4, 0.4), colorsys.hls_to_rgb(0.5, 0.5, 0.5), colorsys.rgb_to_yiq(1, 0, 0))
print(keyword.iskeyword("match"), keyword.issoftkeyword("match"), keyword.iskeyword("for"), len(keyword.kwlist), keyword.softkwlist)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("careful", UserWarning)
    warnings.warn("old", DeprecationWarning, stacklevel=1)
print([(w.category.__name__, str(w.message)) for w in caught])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error", RuntimeWarning)
    except RuntimeWarning as e:
        print("RuntimeWarning", e)
import types
def f(self, x): return (self, x)
m = types.MethodType(f, 5); print(m(1), m.__self__, m.__func__ is f)
for a in [(f,), (1, 2), (f, None)]:
    try: types.MethodType(*a)
    except TypeError as e: print('TypeError', e)
