import copy, pickle
class P:
    __slots__ = ('x', 'y')
p = P(); p.x = 1; p.y = 2
q = copy.copy(p); print(q.x, q.y)
print(p.__getstate__())
class D(P):
    pass
d = D(); d.x = 3; d.z = 4
print(vars(d), d.x)
d.x = 5
print(vars(d), d.x, d.__getstate__())
d.__dict__ = {'w': 1}
print(d.x, vars(d))
e = copy.deepcopy(d); print(e.x, vars(e))
class S:
    __slots__ = ('a', '__dict__')
s = S(); s.a = 1; s.b = 2
print(s.__dict__, s.a)
del s.a
try:
    s.a
except AttributeError as ex:
    print("AttributeError", ex)
print(s.__dict__)
s.__dict__['a'] = 9
print(s.a if hasattr(s, 'a') else 'no a', s.__dict__)
print(pickle.loads(pickle.dumps(p)).y if hasattr(pickle, 'dumps') else '')
