# copy and pickle of itertools' count and repeat resume where the original has got to;
# count takes any number, complex ones included.
import copy, itertools, pickle
c = itertools.count(3)
next(c); next(c)
for f in (copy.copy, copy.deepcopy, lambda v: pickle.loads(pickle.dumps(v))):
    d = f(c)
    print(type(d).__name__, next(d), next(d), repr(d))
print(next(c))
s = itertools.count(1.5, 0.25); next(s)
print(copy.copy(s), list(itertools.islice(copy.copy(s), 3)), s.__reduce__())
r = itertools.repeat("x", 4); next(r)
print(copy.copy(r), list(copy.copy(r)), list(r), copy.copy(r), r.__reduce__())
print(copy.copy(itertools.repeat([1])), itertools.repeat(None, 2).__reduce__())
z = itertools.count(3.25 - 4j)
print(list(itertools.islice(z, 3)), list(itertools.islice(itertools.count(2, 3.25 - 4j), 3)))
class MyCount(itertools.count):
    pass
m = MyCount(10); next(m)
print(type(copy.copy(m)).__name__, next(copy.copy(m)), repr(m))
