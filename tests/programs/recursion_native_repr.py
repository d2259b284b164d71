# repr, str and format recursing through native code raise RecursionError.


def check(name, f):
    try:
        r = f()
        print(name, r if len(str(r)) < 60 else len(r))
    except RecursionError as e:
        print(name, type(e).__name__, e)
    except Exception as e:
        print(name, "other", type(e).__name__, e)


class F:
    pass


F.__repr__ = F.__str__
check("repr = str, str()", lambda: str(F()))
check("repr = str, repr()", lambda: repr(F()))
check("repr = str, format()", lambda: format(F()))
check("repr = str, f-string", lambda: f"{F()!r}")


def nest(make, n=1200):
    x = make(None)
    for _ in range(n):
        x = make(x)
    return x


deep_list = nest(lambda x: [x])
check("deep list repr", lambda: repr(deep_list))
check("deep list str", lambda: str(deep_list))
check("deep list format", lambda: "{}".format(deep_list))
check("deep list %", lambda: "%s" % (deep_list,))
check("deep list ascii", lambda: ascii(deep_list))
check("deep tuple repr", lambda: repr(nest(lambda x: (x,))))
check("deep dict repr", lambda: repr(nest(lambda x: {1: x})))
check("deep set repr", lambda: repr(nest(lambda x: frozenset([x]))))
check("deep slice repr", lambda: repr(nest(lambda x: slice(x))))
check("deep values repr", lambda: repr(nest(lambda x: {1: x}.values())))
check("shallow list repr", lambda: repr(nest(lambda x: [x], 50)))

e = Exception()
e.args = (e,)
check("exception str of itself", lambda: str(e))
check("exception repr of itself", lambda: repr(e))
k = KeyError()
k.args = (k,)
check("KeyError str of itself", lambda: str(k))


class S:
    pass


S.__str__ = S.__format__
check("__str__ = __format__", lambda: str(S()))
check("int.__format__()", lambda: (1).__format__())
check("str.__format__()", lambda: "a".__format__())
check("int.__format__(1)", lambda: (1).__format__(1))
check("float.__format__ two", lambda: (1.5).__format__("", ""))
check("format ok", lambda: (255).__format__("x"))
