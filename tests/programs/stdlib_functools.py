import _functools as ft

def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
print(ft.reduce(lambda a, b: a + b, [1, 2, 3, 4]), ft.reduce(lambda a, b: a * b, range(1, 6), 10), ft.reduce(max, [], 'init'), ft.reduce(lambda a, b: a + b, ['x']))
p = ft.partial(max, 1, key=abs)
print(p(-5, 3), p.func is max, p.args, p.keywords, repr(p), type(p).__name__, type(p).__module__)
pp = ft.partial(p, 7, key=None)
print(repr(pp), pp.args, pp.keywords, pp.func is max, pp())
def f(a, b=2, *args, c=3, **kw): return (a, b, args, c, kw)
q = ft.partial(f, 1, c=10, z=0)
print(q(), q(5, 6, c=11), q(b=9, w=1))
q.attr = 'x'; print(q.attr, ft.partial(q).func is q)
class MyPartial(ft.partial):
    def extra(self): return self.args
mp = MyPartial(f, 4)
print(mp(), mp.extra(), repr(MyPartial(max, 1)), isinstance(mp, ft.partial))
def cmp(a, b): return (a > b) - (a < b)
K = ft.cmp_to_key(cmp)
print(sorted([3, 1, 2], key=K), sorted('bca', key=ft.cmp_to_key(lambda a, b: cmp(b, a))), K(1) < K(2), K(2) <= K(2), K(3) == K(3), K(1) != K(1), K(2) > K(1), K(1) >= K(2), K(5).obj)
print(min([5, 2, 8], key=K), max([5, 2, 8], key=K))
def CacheInfo(*a): return ("CacheInfo",) + a
calls = []
def fib(n):
    calls.append(n)
    return n if n < 2 else cfib(n - 1) + cfib(n - 2)
cfib = ft._lru_cache_wrapper(fib, None, False, CacheInfo)
print(cfib(30), len(calls), cfib.cache_info())
cfib.cache_clear(); print(cfib.cache_info())
def sq(x, **kw): calls.append(x); return x * x
calls.clear()
c2 = ft._lru_cache_wrapper(sq, 2, False, CacheInfo)
print([c2(i) for i in [1, 2, 1, 3, 2, 1]], calls, c2.cache_info())
c3 = ft._lru_cache_wrapper(sq, 0, False, CacheInfo)
print(c3(2), c3(2), c3.cache_info())
calls.clear()
c4 = ft._lru_cache_wrapper(sq, 10, True, CacheInfo)
print(c4(2), c4(2.0), c4(2), calls, c4.cache_info())
c5 = ft._lru_cache_wrapper(sq, None, False, CacheInfo)
print(c5(2), c5(2.0), c5(x=3), c5(x=3), c5.cache_info())
class A:
    def __init__(self): self.n = 0
    def m(self, x): self.n += 1; return x + self.n
    m = ft._lru_cache_wrapper(m, 8, False, CacheInfo)
a = A(); print(a.m(1), a.m(1), a.m(2), A.m.cache_info())
t(lambda: ft.reduce(None, []))
t(lambda: ft.reduce(lambda a, b: a, []))
t(lambda: ft.reduce(lambda a, b: a))
t(lambda: ft.reduce(lambda a, b: a, 1))
t(lambda: ft.reduce(lambda a, b: a / b, [1, 0]))
t(lambda: ft.partial())
t(lambda: ft.partial(1))
t(lambda: ft.cmp_to_key())
t(lambda: K(1) < 1)
t(lambda: hash(K(1)))
t(lambda: ft._lru_cache_wrapper(1, None, False, CacheInfo))
t(lambda: ft._lru_cache_wrapper(sq, None, False))
t(lambda: c5([1]))
t(lambda: p(1, 2, 3, x=1))
t(lambda: setattr(ft.partial(max), 'func', 1))
t(lambda: setattr(K(1), 'x', 1))
pa = ft.partial(max); pa.note = 1; print(vars(pa))
