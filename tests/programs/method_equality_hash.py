# Bound methods are equal when they bind the same function to the same object (identity,
# not the object's __eq__), and equal ones hash alike (so they work as dict keys).
class A:
    def __init__(self, x):
        self.x = x

    def f(self):
        pass

    def g(self):
        pass

    def __eq__(self, other):
        return True

    def __hash__(self):
        raise TypeError


class B(A):
    pass


a1 = A(1)
a2 = A(1)
print(a1.f == a1.f, a1.f != a1.f, a1.f == a2.f, a1.f != a2.f, a1.f == a1.g, a1.f != a1.g)
print(hash(a1.f) == hash(a1.f), A.f == a1.f, A.f != a1.f, A.f == A.g, B.f == A.f, B.f != A.f)
try:
    a1.f < a1.f
except TypeError as e:
    print(type(e).__name__, e)
d = {a1.f: "f", a1.g: "g"}
print(d[a1.f], d[a1.g], a1.f in d, a2.f in d, len({a1.f, a1.f, a2.f}))
lst = [1, 2]
print(lst.append == lst.append, lst.append == [].append, {lst.append: 1}.get(lst.append))
print(hash(lst.append) == hash(lst.append), [a1.f].index(a1.f), [a1.f].count(a1.f))
