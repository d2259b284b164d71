# Argument binding edge cases: positional-only, keyword-only, defaults, *args/**kwargs, and
# generator send/close results.
def run(f):
    try: print(f())
    except BaseException as e:
        print(type(e).__name__, e)
def f(a, b, /, c, *, d, **kw): return (a, b, c, d, kw)
run(lambda: f(1, 2, 3, d=4, a=5))
run(lambda: f(1, 2, c=3, d=4, b=5))
run(lambda: f(1, 2, 3, 4))
run(lambda: f(1, d=1))
run(lambda: f(1, 2, d=1))
def g(a, b=2, *, c=3): return a, b, c
run(lambda: g(1, 2, 3))
run(lambda: g(b=1))
run(lambda: g(1, c=1, b=3, a=4))
run(lambda: g(1, x=1))
run(lambda: g(1, 2, c=3, **{"c": 4}))
def h(*args, a): return args, a
run(lambda: h(1, 2))
run(lambda: h(1, 2, a=3, b=4))
class C:
    def m(self, x, /): return x
    @classmethod
    def cm(cls, a): return a
    @staticmethod
    def sm(a): return a
run(lambda: C().m(x=1))
run(lambda: C().m())
run(lambda: C.cm())
run(lambda: C.sm())
run(lambda: C().sm(1, 2))
run(lambda: C.cm(1, 2))
def k(a, b, c, d): pass
run(lambda: k(1))
run(lambda: k(1, 2, 3, 4, 5, 6))
run(lambda: k(1, b=2, e=3))
def kw(**k): return k
run(lambda: kw(**{"a": 1}, b=2))
def defaults(a, b=[]):
    b.append(a); return b
run(lambda: (defaults(1), defaults(2)))
def kwo(*, a, b, c): pass
run(lambda: kwo(a=1))
run(lambda: kwo(1, 2))
def pos(a, /, b, *, c): pass
run(lambda: pos())
run(lambda: pos(1))
run(lambda: pos(1, 2))
run(lambda: pos(1, 2, 3))
run(lambda: pos(a=1, b=2, c=3))
def onlypos(a, b, /): pass
run(lambda: onlypos(1, b=2))
run(lambda: onlypos(a=1, b=2))
run(lambda: onlypos(1, 2, a=3))
def varkw(a, **kw): return a, kw
run(lambda: varkw(1, a=2))
run(lambda: varkw(a=2, b=3))
run(lambda: (lambda *a, **k: (a, k))(1, *[2, 3], x=1, **{"y": 2}))
run(lambda: [x for x in range(3) if x if x > 1])
run(lambda: {x: y for x, y in zip("ab", range(2))})
run(lambda: list(((x, y) for x in range(2) for y in range(x))))
run(lambda: [(yield_ := 1) for _ in range(2)])
def gen():
    x = yield
    print("got", x)
    yield x * 2
gg = gen(); next(gg)
run(lambda: gg.send(5))
run(lambda: next(gg))
run(lambda: next(gg))
run(lambda: gen().send(1))
def genret():
    return 5
    yield
run(lambda: next(genret()))
def gen_close_ret():
    try:
        yield 1
    except GeneratorExit:
        return 7
gc = gen_close_ret(); next(gc)
run(lambda: gc.close())
run(lambda: gc.send(None))
