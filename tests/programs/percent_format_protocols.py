# `%`-formatting converts each argument only as its conversion asks, in order: `%s` calls
# `__str__` alone, `%r` `__repr__` alone, `%d` the int protocol, `%x` `__index__`, `%f`
# `__float__`.


class NoRepr:
    def __repr__(self):
        raise ValueError("no repr")

    def __str__(self):
        return "str-of-NoRepr"


class Loud:
    def __repr__(self):
        print("  repr called")
        return "Loud()"

    def __str__(self):
        print("  str called")
        return "loud"

    def __index__(self):
        print("  index called")
        return 5


class IntOnly:
    def __int__(self):
        return 7


class FloatOnly:
    def __float__(self):
        return 2.5


class TruncOnly:
    def __trunc__(self):
        return 3


def show(label, fmt, args):
    try:
        print(label, repr(fmt % args))
    except Exception as e:
        print(label, type(e).__name__, e)


show("s of NoRepr", "%s", NoRepr())
show("r of NoRepr", "%r", NoRepr())
show("s then r", "%s|%r", (Loud(), Loud()))
show("d x o", "%d %x %o", (Loud(), Loud(), Loud()))
show("c index", "%c", Loud())
show("d IntOnly", "%d", IntOnly())
show("i IntOnly", "%i", IntOnly())
show("x IntOnly", "%x", IntOnly())
show("f FloatOnly", "%.2f", FloatOnly())
show("d FloatOnly", "%d", FloatOnly())
show("e index", "%e", Loud())
show("d Trunc", "%d", TruncOnly())
show("d float", "%d", 3.99)
show("x float", "%x", 3.5)
show("f str", "%f", "x")
show("c str", "%c", "xy")
show("star width", "%*s|", (6, NoRepr()))
show("star prec", "%.*f", (1, FloatOnly()))
show("keyed", "%(a)s %(b)r", {"a": NoRepr(), "b": 1})
show("extra arg", "%s", (1, NoRepr()))
show("bytes s", b"%s", NoRepr())
show("bytes d", b"%d|%x", (Loud(), IntOnly()))
show("bytes r", b"%r", Loud())
show("bool", "%s %d %r %x", (True, True, False, True))
show("mixed", "%5s|%-4d|%+.1f|%#x", ("ab", IntOnly(), FloatOnly(), Loud()))
