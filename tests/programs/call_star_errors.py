# Errors of `*` and `**` unpacking in calls and displays, with CPython's wording (the callee
# named as module.qualname()).


def g(*a, **k):
    return a, k


def f(**k):
    return k


class K:
    def __init__(self, *a, **k):
        pass

    def m(self, *a, **k):
        return a, k

    @staticmethod
    def s(*a, **k):
        pass

    @classmethod
    def c(cls, *a, **k):
        pass


class Mapping:
    def keys(self):
        return ["x", "y"]

    def __getitem__(self, k):
        return k * 2


class BadIter:
    def __iter__(self):
        raise TypeError("mine")


class Seq:
    def __getitem__(self, i):
        if i > 1:
            raise IndexError
        return i


def gen():
    yield 1
    raise TypeError("in gen")


class S(str):
    pass


def run(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, "|", type(e).__name__, e)


run("f(**{1: 2})", lambda: f(**{1: 2}))
run("g(*[1], **{1: 2})", lambda: g(*[1], **{1: 2}))
run("K(**{1: 2})", lambda: K(**{1: 2}))
run("dict(**{1: 2})", lambda: dict(**{1: 2}))
run("print(**{1: 2})", lambda: print(**{1: 2}))
run("g(**{S('x'): 1})", lambda: g(**{S("x"): 1}))
run("f(**1)", lambda: f(**1))
run("g(a=1, **1)", lambda: g(a=1, **1))
run("K().m(**1)", lambda: K().m(**1))
run("K.c(**1)", lambda: K.c(**1))
run("[].append(**1)", lambda: [].append(**1))
run("max(**1)", lambda: max(**1))
run("K(**1)", lambda: K(**1))
run("f(*1)", lambda: f(*1))
run("g(*1, c=2)", lambda: g(*1, c=2))
run("K().m(*1)", lambda: K().m(*1))
run("K.s(*1)", lambda: K.s(*1))
run("(lambda: 0)(*1)", lambda: (lambda: 0)(*1))
run("len(*1)", lambda: len(*1))
run("''.join(*1)", lambda: "".join(*1))
run("g(1, *1)", lambda: g(1, *1))
run("g(*[], *1)", lambda: g(*[], *1))
run("[*1]", lambda: [*1])
run("(*[1], *2)", lambda: (*[1], *2))
run("{*1}", lambda: {*1})
run("{**[1]}", lambda: {**[1]})
run("{**{}, **1}", lambda: {**{}, **1})
run("f(**{'a': 1}, **{'a': 2})", lambda: f(**{"a": 1}, **{"a": 2}))
run("f(a=1, **{'a': 2})", lambda: f(a=1, **{"a": 2}))
run("f(**{'a': 1}, a=2)", lambda: f(**{"a": 1}, a=2))
run("g(b=1, **{'a': 1}, c=2, **{'c': 3})", lambda: g(b=1, **{"a": 1}, c=2, **{"c": 3}))
run("g(**{1: 2}, **{1: 3})", lambda: g(**{1: 2}, **{1: 3}))
run("g(b=1, **{'a': 1}, c=2, d=4)", lambda: g(b=1, **{"a": 1}, c=2, d=4))
run("f(**Mapping())", lambda: f(**Mapping()))
run("{**Mapping()}", lambda: {**Mapping()})
run("f(**{'x': 1}, **Mapping())", lambda: f(**{"x": 1}, **Mapping()))
run("g(*Seq())", lambda: g(*Seq()))
run("[*Seq()]", lambda: [*Seq()])
run("g(*BadIter())", lambda: g(*BadIter()))
run("g(1, *BadIter())", lambda: g(1, *BadIter()))
run("[*BadIter()]", lambda: [*BadIter()])
run("[*gen()]", lambda: [*gen()])
run("g(*gen())", lambda: g(*gen()))
