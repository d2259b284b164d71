# Comparisons recursing through native code count against the recursion limit.


def check(name, f):
    try:
        print(name, f())
    except RecursionError as e:
        print(name, type(e).__name__, e)
    except Exception as e:
        print(name, "other", type(e).__name__, e)


N = 1200
d = {}
d["s"] = d
e = {}
e["s"] = e
check("self dict ==", lambda: d == e)
a = []
a.append(a)
b = []
b.append(b)
check("self list ==", lambda: a == b)
check("self list <", lambda: a < b)
check("self list in", lambda: a in [b])


def nest(make, n=N):
    x = make(None)
    for _ in range(n):
        x = make(x)
    return x


l1, l2 = nest(lambda x: [x]), nest(lambda x: [x])
check("deep list ==", lambda: l1 == l2)
check("deep list !=", lambda: l1 != l2)
check("deep list <", lambda: l1 < l2)
check("deep list count", lambda: [l2].count(l1))
check("deep list index", lambda: [l2].index(l1))
d1, d2 = nest(lambda x: {"k": x}), nest(lambda x: {"k": x})
check("deep dict ==", lambda: d1 == d2)
t1, t2 = nest(lambda x: (x,)), nest(lambda x: (x,))
check("deep tuple ==", lambda: t1 == t2)
check("deep tuple <", lambda: t1 < t2)
check("deep tuple key", lambda: {t1: 1}.get(t2))
check("deep tuple in set", lambda: t1 in {t2})
check("deep tuple sorted", lambda: len(sorted([t1, t2])))
check("same tuple key", lambda: {t1: 1}.get(t1))
f1 = nest(lambda x: frozenset([x]))
f2 = nest(lambda x: frozenset([x]))
check("deep frozenset ==", lambda: f1 == f2)
check("deep frozenset in set", lambda: f1 in {f2})
check("deep frozenset key", lambda: {f1: 2}.get(f2))
check("shallow tuple key", lambda: {(1, (2, (3, ()))): 5}[(1, (2, (3, ())))])
s1, s2 = nest(lambda x: (x,), 900), nest(lambda x: (x,), 900)
check("900 deep tuple ==", lambda: s1 == s2)
check("900 deep tuple key", lambda: {s1: 3}[s2])


class G:
    pass


G.__eq__ = G.__ne__
check("__eq__ = __ne__", lambda: G() == G())


class A:
    def __eq__(self, other):
        return True


check("object.__ne__ inverts __eq__", lambda: A().__ne__(A()))
check("object.__ne__ on ints", lambda: object.__ne__(1, 1))
check("object.__ne__ not implemented", lambda: object.__ne__(object(), 1))
