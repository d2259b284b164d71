# type.__subclasses__: direct subclasses, oldest first, weakly held.
class A:
    pass


class B(A):
    pass


class C(A):
    pass


class D(B, C):
    pass


print([k.__name__ for k in A.__subclasses__()])
print([k.__name__ for k in B.__subclasses__()], [k.__name__ for k in D.__subclasses__()])
E = type("E", (A,), {})
print([k.__name__ for k in A.__subclasses__()])
print(type.__subclasses__(A) == A.__subclasses__())
print(int.__subclasses__() == [bool] or "bool" in [k.__name__ for k in int.__subclasses__()])
