# max() compares item > best (min: item < best); %-format takes any subscriptable non-tuple,
# non-str as the mapping.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: max(1, "a"))
t(lambda: min(1, "a"))
t(lambda: max([3, "a"]))
t(lambda: min(["a", 3]))


class Loud:
    def __init__(self, v):
        self.v = v

    def __gt__(self, o):
        print("gt", self.v, o.v)
        return self.v > o.v

    def __lt__(self, o):
        print("lt", self.v, o.v)
        return self.v < o.v


print(max(Loud(1), Loud(3), Loud(2)).v)
print(min(Loud(1), Loud(3), Loud(2)).v)
t(lambda: "%(a)s" % [1])
t(lambda: "%(a)s" % 5)
t(lambda: "%(a)s" % (1,))
t(lambda: "%(0)s" % "abc")


class M:
    def __getitem__(self, k):
        return k * 2


print("%(ab)s %(c)s" % M())
print("%s" % M.__name__, "%(x)s" % {"x": [1]})
# A staticmethod object is callable (3.10+); a classmethod object is not.
sm = staticmethod(len)
print(callable(sm), sm("abc"), callable(classmethod(len)))
