# Error words CPython gives for an __index__ that returns a non-int, for super() when the
# first argument was deleted or rebound, and for list.sort's keyword count.
import operator


class FloatIndex:
    def __index__(self):
        return 1.5


class BigIndex:
    def __index__(self):
        return 2**100


class One:
    def __index__(self):
        return 1


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


t("list[]", lambda: [1, 2][FloatIndex()])
t("tuple[]", lambda: (1, 2)[FloatIndex()])
t("str[]", lambda: "ab"[FloatIndex()])
t("slice", lambda: [1, 2, 3][FloatIndex():])
t("repeat", lambda: "ab" * FloatIndex())
t("operator.index", lambda: operator.index(FloatIndex()))
t("big", lambda: [1, 2][BigIndex()])
t("one", lambda: ([1, 2][One()], "abc"[One():], [0] * One(), [1, 2, 3][None:One()]))
t("no index", lambda: [1][object()])
t("no slice index", lambda: [1][object():])


class A:
    def f(self):
        return "A.f"


class B(A):
    def deleted(self):
        del self
        return super().f()

    def rebound(self):
        self = 5
        return super().f()

    def in_cell(self):
        def inner():
            return self

        return super().f(), inner() is self

    def star(*args):
        return super().f()


for name in ("deleted", "rebound", "in_cell", "star"):
    t(name, getattr(B(), name))

t("sort kw", lambda: [].sort(key=None, reverse=False, foo=1))
t("sort bad kw", lambda: [].sort(foo=1))
