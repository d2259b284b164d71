# sys._getframe: frame objects with their code, globals, locals, line and caller, as
# namedtuple, enum, typing and logging read them.
import sys

NAME = "module-level"
f = sys._getframe()
print(f.f_code.co_name, f.f_back, f.f_globals is globals(), f.f_locals is globals())
print(f.f_code.co_filename.endswith("sys_getframe.py"), type(f).__name__)
print(f.f_globals["NAME"], f.f_globals.get("__name__"))


def caller_module():
    return sys._getframe(1).f_globals.get("__name__", "__main__")


print(caller_module())


def where():
    fr = sys._getframe(1)
    return fr.f_code.co_name, fr.f_lineno


def outer():
    a = 1
    return where()


print(outer())
print(where())


def locals_now():
    x, y = 1, "two"
    names = sorted(sys._getframe().f_locals)
    fr = sys._getframe()
    return names, fr.f_code.co_firstlineno, fr.f_code.co_name


print(locals_now())


def chain():
    names = []
    fr = sys._getframe()
    while fr is not None:
        names.append(fr.f_code.co_name)
        fr = fr.f_back
    return names


def a():
    return b()


def b():
    return chain()


print(a())


class K:
    here = sys._getframe().f_code.co_name
    ns_has_here = "here" in sys._getframe().f_locals


print(K.here, K.ns_has_here)


def depth_error():
    try:
        sys._getframe(1000)
    except ValueError as e:
        print(type(e).__name__, e)


depth_error()
g = (sys._getframe().f_code.co_name for _ in range(1))
print(list(g))
print([sys._getframe(1).f_code.co_name for _ in range(1)])
print(sys._getframe(0).f_code.co_name)
try:
    sys._getframe(depth=0)
except TypeError as e:
    print(type(e).__name__, e)
