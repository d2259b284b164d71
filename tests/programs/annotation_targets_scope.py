# Annotated assignments: evaluation order, a parenthesized name is no local declaration,
# a bare `x: int` in a function makes x local without binding it.
try:
    no_name[does_not_exist]: no_name_again = 1 / 0
except Exception as e:
    print(type(e).__name__)
try:
    no_name[does_not_exist]: 1 / 0 = 0
except Exception as e:
    print(type(e).__name__)


def f():
    st: str = "Hello"
    return st


print(f(), f.__annotations__)


def f_ok():
    x: 1 / 0


f_ok()


def fbad():
    x: int
    print(x)


def f2bad():
    (no_such_global): int
    print(no_such_global)


def f3():
    (y): int = 3
    return y


for fn in (fbad, f2bad, f3):
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__, e)
shadow = "global"


def reads_global():
    (shadow): str
    return shadow


print(reads_global())


class C:
    __foo: int
    s: str = "attr"
    z = 2
    (paren): int = 4


print(C.__annotations__, C.paren)
