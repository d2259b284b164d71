# Each operand of and/or/not is asked for its truth at most once, in value and condition
# contexts alike (CPython threads the jumps between nested boolean operators).
calls = []


class B:
    def __init__(self, v, name):
        self.v = v
        self.name = name

    def __bool__(self):
        calls.append(self.name)
        return self.v

    def __repr__(self):
        return self.name


class C:
    def __init__(self, r):
        self.r = r

    def __lt__(self, o):
        return self.r


def check(label, f):
    calls.clear()
    r = f()
    print(label, r, calls)


T = B(True, "T")
F = B(False, "F")
for a in (T, F):
    for b in (T, F):
        for c in (T, F):
            print("==", a, b, c)
            check("a and b or c", lambda: a and b or c)
            check("a or b and c", lambda: a or b and c)
            check("(a or b) and c", lambda: (a or b) and c)
            check("(a and b) and c", lambda: (a and b) and c)
            check("(a or b) or c", lambda: (a or b) or c)
            check("not a and b", lambda: not a and b)
            check("a and False or False", lambda: a and False or False)
            check("if", lambda: 1 if (a and b or c) else 0)
            check("if not", lambda: 1 if not ((a or b) and c) else 0)
            check("comp", lambda: [1 for _ in [0] if (a or b) and c])
            check("ifexp test", lambda: 1 if (a if b else c) else 0)


def assert_it(a, b, c):
    try:
        assert (a and b) or c
        return "ok"
    except AssertionError:
        return "AE"


def while_it(a, b, c):
    n = 0
    while (a or b) and c and n < 1:
        n += 1
    return n


check("assert", lambda: assert_it(F, T, F))
check("assert", lambda: assert_it(T, F, T))
check("while", lambda: while_it(T, F, T))
check("while", lambda: while_it(F, F, T))
# A chained comparison's links are tested once each.
check("chain", lambda: 1 if C(F) < C(T) < 3 else 0)
check("chain not", lambda: 1 if not C(T) < C(F) < 3 else 0)
check("chain comp", lambda: [1 for _ in [0] if C(F) < 1 < 2])
check("chain value", lambda: C(F) < C(T) < 3)


def multiline(a, b, c):
    return (a or
            b) and c


check("multiline", lambda: multiline(T, F, 7))
check("x and False or False", lambda: T and False or False)
