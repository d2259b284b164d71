# code.replace(): a copy with names, first line, file, constants changed.
import types


def add(a, b):
    return a + b


c = add.__code__.replace(co_name="plus")
print(c.co_name, c.co_varnames, c.co_argcount, add.__code__.co_name, c.co_qualname)
print(c == add.__code__, add.__code__.replace() == add.__code__)
fn = types.FunctionType(add.__code__.replace(co_name="renamed", co_qualname="Q.renamed"), globals())
print(fn(2, 3), fn.__name__, fn.__code__.co_name, fn.__qualname__)
c2 = add.__code__.replace(co_firstlineno=100, co_filename="other.py")
print(c2.co_firstlineno, c2.co_filename, c2.co_name)


def boom():
    x = 1
    raise ValueError("in boom")


b2 = types.FunctionType(boom.__code__.replace(co_name="kaboom", co_firstlineno=boom.__code__.co_firstlineno), globals())
import traceback
try:
    b2()
except ValueError:
    import sys
    tb = traceback.extract_tb(sys.exc_info()[2])
    print([(f.name, f.lineno - boom.__code__.co_firstlineno) for f in tb])


def greet():
    return "hello"


g2 = types.FunctionType(greet.__code__.replace(co_consts=tuple("bye" if c == "hello" else c for c in greet.__code__.co_consts)), {})
print(g2(), greet())


def outer():
    def inner(y):
        return y * 2
    return inner(21)


o2 = types.FunctionType(outer.__code__.replace(co_name="outer2"), globals())
print(o2(), o2.__code__.co_name)


def uses_global():
    return LIMIT


LIMIT = 5
OTHER = 9
u2 = types.FunctionType(uses_global.__code__.replace(co_names=("OTHER",)), globals())
print(u2(), uses_global())


def attempt(**kw):
    try:
        add.__code__.replace(**kw)
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)


attempt(co_bogus=1)
attempt(co_name=5)
attempt(co_firstlineno="x")
attempt(co_names=[1])
attempt(co_varnames=("a", 2))
try:
    add.__code__.replace(1)
except TypeError as e:
    print("TypeError")
