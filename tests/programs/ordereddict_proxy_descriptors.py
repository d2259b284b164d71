# OrderedDict over dict.__setitem__ and weakref proxies (a proxy stores the value given, so
# root.next is root), a dict subclass's explicit dict dunders and __missing__, generic dunders
# on subclass instances (mappingproxy of an OrderedDict), function.__get__ binding like a
# method.
from collections import OrderedDict
import types


class Logged(dict):
    def __setitem__(self, k, v):
        print('set', k)
        dict.__setitem__(self, k, v)

    def __getitem__(self, k):
        return dict.__getitem__(self, k.lower())

    def __delitem__(self, k):
        print('del', k)
        dict.__delitem__(self, k)

    def __len__(self):
        return dict.__len__(self) * 10

    def __contains__(self, k):
        return dict.__contains__(self, k.lower())

    def __iter__(self):
        return iter(sorted(dict.__iter__(self)))


d = Logged()
d['b'] = 1
d['a'] = 2
print(d['B'], len(d), 'A' in d, list(d), dict(d))
del d['a']
print(d)


class Missing(dict):
    def __missing__(self, k):
        return k * 2


m = Missing(a=1)
print(dict.__getitem__(m, 'a'), dict.__getitem__(m, 'zz'), m['q'], m.__getitem__('w'))
try:
    dict.__getitem__({}, 'k')
except KeyError as e:
    print(type(e).__name__, e)


class L(list):
    def __setitem__(self, i, v):
        list.__setitem__(self, i, v * 10)

    def __len__(self):
        return list.__len__(self) + 100


lst = L([1, 2, 3])
lst[0] = 5
print(lst, len(lst), list.__len__(lst), lst.__getitem__(1), hasattr(lst, '__setitem__'))

od = OrderedDict()
od['x'] = 1
od['y'] = 2
od['x'] = 3
od.move_to_end('x', last=False)
print(od, list(od.keys()), od.popitem(), od.popitem(last=False), od)
od2 = OrderedDict.fromkeys('abc', 0)
od2.move_to_end('a')
print(od2, od2 == OrderedDict.fromkeys('bca', 0), od2 == dict.fromkeys('abc', 0))

print(hasattr(Logged(), '__getitem__'), hasattr(Missing(), 'keys'))
proxy = types.MappingProxyType(OrderedDict(a=1, b=2))
print(proxy['a'], list(proxy), len(proxy))


def f(self, n=1):
    return (self, n)


class C:
    pass


c = C()
print(hasattr(f, '__get__'), hasattr(len, '__get__'), f.__get__(None, C) is f)
bound = f.__get__(c, C)
print(bound()[0] is c, bound(5)[1], bound.__self__ is c, bound.__func__ is f)
print(type(f).__get__(f, 7)(), C.__dict__.get('x'), callable(f.__get__))
