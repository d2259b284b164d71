# Exception metadata as CPython keeps it: notes must be a list, context chains never cycle,
# __init__ resets name/path/obj, the traceback object is one object (with_traceback, setting
# and deleting __traceback__), sys.excepthook writes to sys.stderr as it is now.
import io
import sys
import traceback

e = ValueError(3)
e.add_note("My Note")
try:
    e.add_note(42)
except TypeError as x:
    print("TypeError", x)
del e.__notes__
print(hasattr(e, "__notes__"))
e.__notes__ = 42
try:
    e.add_note("will not work")
except TypeError as x:
    print("TypeError", x)
print(e.__notes__)


class A(Exception):
    pass


class B(Exception):
    pass


class C(Exception):
    pass


try:
    try:
        raise A
    except A as a_:
        a = a_
        try:
            raise B
        except B as b_:
            b = b_
            try:
                raise C
            except C as c_:
                c = c_
                raise a
except A as ex:
    print(ex is a, a.__context__ is c, c.__context__ is b, b.__context__)

e = ImportError("x", name="n", path="p")
e.__init__("y")
print(e.name, e.path, e.args, e.msg)
e = AttributeError("x", name="n", obj=1)
e.__init__("z")
print(e.name, e.obj)
try:
    e.__init__("z", bogus=1)
except TypeError as x:
    print(x)
try:
    ValueError().__init__(a=1)
except TypeError as x:
    print(x)


def inner():
    raise IndexError(4)


try:
    inner()
except IndexError:
    tb = sys.exc_info()[2]
e = IndexError(5).with_traceback(tb)
print(e.__traceback__ is tb, [f.name for f in traceback.extract_tb(e.__traceback__)])
for bad in (5, "tb"):
    try:
        e.with_traceback(bad)
    except TypeError as x:
        print(x)
    try:
        e.__traceback__ = bad
    except TypeError as x:
        print(x)
try:
    del e.__traceback__
except TypeError as x:
    print(x)


def again():
    raise e


try:
    again()
except IndexError as x:
    print([f.name for f in traceback.extract_tb(x.__traceback__)],
          x.__traceback__.tb_next.tb_next is tb)
e.__traceback__ = None
print(e.__traceback__)
try:
    raise ValueError
except ValueError as v:
    print(v.__traceback__ is v.__traceback__)

eg = ExceptionGroup("eg", [ValueError(1), OSError(2)])
eg.add_note("n")
try:
    try:
        raise eg
    except* OSError:
        pass
except ExceptionGroup as rest:
    print(repr(rest), rest.__notes__, rest is eg, rest.__traceback__ is eg.__traceback__)


class NestedGetattribute:
    def __getattribute__(self, attr):
        return A().blich


A.bluch = 1
captured = io.StringIO()
saved = sys.stderr
sys.stderr = captured
try:
    try:
        NestedGetattribute().something
    except AttributeError:
        sys.__excepthook__(*sys.exc_info())
finally:
    sys.stderr = saved
print(captured.getvalue().splitlines()[-1])
