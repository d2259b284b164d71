# __slots__ members are member descriptors; function attributes are descriptors on the type; exc.__traceback__.

def t(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class S:
    __slots__ = ("a", "__p")

    def __init__(self):
        self.a = 1
        self.__p = 2

    def p(self):
        return self.__p


s = S()
t("member repr", lambda: (repr(S.a), type(S.a).__name__, S.a.__name__, S.a.__objclass__ is S))
t("mangled", lambda: (sorted(k for k in S.__dict__ if not k.startswith("__")), s.p()))
t("get", lambda: (s.a, S.a.__get__(s, S), S.a.__get__(None, S) is S.a))
S.a.__set__(s, 5)
t("set", lambda: s.a)
del s.a
t("deleted", lambda: s.a)
t("delete again", lambda: S.a.__delete__(s))
t("no dict", lambda: s.__dict__)
t("other attr", lambda: setattr(s, "b", 1))
t("wrong type", lambda: S.a.__get__(1, int))
t("in dir", lambda: "a" in dir(s))


def f(x):
    return x


t("function descriptors", lambda: (type(type(f).__code__).__name__, type(type(f).__globals__).__name__))
t("function attr repr", lambda: (repr(type(f).__code__), repr(type(f).__globals__)))
t("descriptor get", lambda: type(f).__dict__["__name__"].__get__(f, type(f)))


def boom():
    raise ValueError("x")


try:
    boom()
except ValueError as e:
    tb = e.__traceback__
    print(type(tb).__name__, type(tb.tb_frame).__name__, tb.tb_lineno)
    print(tb.tb_next.tb_frame.f_code.co_name, tb.tb_next.tb_lineno, tb.tb_next.tb_next)
t("never raised", lambda: ValueError().__traceback__)
