# collections.OrderedDict: order-sensitive equality between OrderedDicts (not with dicts),
# move_to_end both ways keeping the stored key object, popitem(last=), reversed() and the
# reversed views, repr (recursive too), copy/deepcopy/pickle, |, fromkeys and subclasses.
import copy
import functools
import pickle
from collections import OrderedDict

d = OrderedDict([('a', 1), ('b', 2), ('c', 3)])
d.move_to_end('a')
d.move_to_end('c', last=False)
print(d, list(d), list(reversed(d)))
print(d.popitem(), d.popitem(last=False), d)
try:
    d.move_to_end('zz')
except KeyError as e:
    print('KeyError', e)
try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError', e)
k = OrderedDict({1: 'one', 2: 'two'})
k.move_to_end(1.0)
k.move_to_end(True, last=False)
print(k, [type(x).__name__ for x in k])

e = OrderedDict(x=1, y=2)
f = OrderedDict(y=2, x=1)
print(e == f, e != f, dict(e) == dict(f), e == dict(f), dict(f) == e, e == 5)
print(isinstance(e, dict), issubclass(OrderedDict, dict), OrderedDict.__module__)
print(list(reversed(e.items())), list(reversed(e.keys())), list(reversed(e.values())))
print(copy.copy(e), copy.deepcopy(e), pickle.loads(pickle.dumps(e)) == e)
print(e | {'z': 3}, type(e | {'z': 3}).__name__, {'w': 0} | e, type({'w': 0} | e).__name__)
g = e.copy()
g |= {'q': 9}
print(g, type(g).__name__, e)
print(OrderedDict.fromkeys('abc', 0), type(OrderedDict.fromkeys('ab')).__name__)
print(repr(OrderedDict()), str(OrderedDict(a=[1, 2])))
r = OrderedDict(a=1)
r['self'] = r
print(r)

class Sub(OrderedDict):
    def extra(self):
        return len(self)
s = Sub(a=1, b=2)
s.tag = 'kept'
print(s, repr(s.copy()), type(s.copy()).__name__, s.extra(), s.__reduce__()[2])
t = pickle.loads(pickle.dumps(s))
print(type(t).__name__, t, t.tag)
print(Sub.fromkeys('xy', 1), type(Sub.fromkeys('x')).__name__)
u = OrderedDict([('k', 1)])
u.update([('a', 2)], b=3)
u.setdefault('c', 4)
print(u, u.pop('a'), u.get('zz', 'none'), len(u), 'k' in u)
u.__init__([('k', 10)], z=26)
print(u)

@functools.lru_cache(maxsize=2)
def sq(x):
    return x * x
print([sq(i) for i in (1, 2, 1, 3, 1)], sq.cache_info())
print(OrderedDict[str, int])
