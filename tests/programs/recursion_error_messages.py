# The words of a RecursionError name the check that failed, as in CPython: entering a
# Python frame says nothing more, calling an object through tp_call (an instance's __call__,
# a class's __init__, a sort key, a with block's __enter__) says "while calling a Python
# object", and repr() of an object whose __repr__ is Python code "while getting the repr".
import sys
def t(name, f):
    try: f()
    except RecursionError as e: print(name, e)
class A:
    def __init__(self): A()
t('init', A)
class B:
    def __call__(self): return self()
t('call', B())
def g(): return list(map(lambda x: g(), [1]))
t('map', g)
def h(): return sorted([2, 1], key=lambda x: h())
t('sortkey', h)
class E:
    def __eq__(s, o): return s == o
t('eq', lambda: E() == 1)
class E2:
    def __eq__(s, o): return [s] == [o]
t('eq_list', lambda: E2() == 1)
class R:
    def __repr__(s): return repr(s)
t('repr', lambda: repr(R()))
class R2:
    def __repr__(s): return '%r' % (s,)
t('repr_fmt', lambda: repr(R2()))
class R3:
    def __repr__(s): return f'{s!r}'
t('repr_f', lambda: repr(R3()))
class S:
    def __str__(s): return str(s)
t('str', lambda: str(S()))
class GA:
    def __getattr__(s, n): return s.x
t('getattr', lambda: GA().y)
class P:
    @property
    def p(s): return s.p
t('property', lambda: P().p)
class H:
    def __hash__(s): return hash(s)
t('hash', lambda: hash(H()))
class L:
    def __len__(s): return len(s)
t('len', lambda: len(L()))
class I:
    def __iter__(s): return iter(s)
t('iter', lambda: iter(I()))
class Ad:
    def __add__(s, o): return s + o
t('add', lambda: Ad() + 1)
class GI:
    def __getitem__(s, i): return s[i]
t('getitem', lambda: GI()[0])
def deep(): deep()
t('plain', deep)
def gen(): yield from gen()
t('gen', lambda: next(gen()))
d = {}
for i in range(2000): d = {'a': d}
t('dict_repr', lambda: repr(d))
x = []
for i in range(2000): x = [x]
t('list_eq', lambda: x == x[:])
t('str_list', lambda: str(x))
class F:
    def __format__(s, sp): return format(s, sp)
t('format', lambda: format(F(), ''))
class Bo:
    def __bool__(s): return bool(s)
t('bool', lambda: bool(Bo()))
class Lt:
    def __lt__(s, o): return s < o
t('lt', lambda: Lt() < 1)
class Ctx:
    def __enter__(s):
        with Ctx(): pass
    def __exit__(s, *a): pass
def ctx():
    with Ctx(): pass
t('with', ctx)
class D:
    def __get__(s, o, t): return o.d
class HD: d = D()
t('descr', lambda: HD().d)
class SA:
    def __setattr__(s, n, v): setattr(s, n, v)
def sa(): SA().x = 1
t('setattr', sa)
def kw(**k): return kw(**k)
t('kw', kw)
t('exec', lambda: exec('def z(): z()\nz()', {}))
