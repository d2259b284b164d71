# Operators on classes through their metaclass, and super() forms with descriptors.
class M(type):
    def __or__(cls, other):
        return ("or", cls.__name__, other.__name__)
    def __eq__(cls, other):
        return "eq"
    def __hash__(cls):
        return 7
    def __lt__(cls, other):
        return True
    def __bool__(cls):
        return False
    def __call__(cls, *a, **k):
        return ("called", a, k)
    def __len__(cls):
        return 3
class A(metaclass=M): pass
class B(metaclass=M): pass
print(A | B)
print(A == B, hash(A), A < B, bool(A), len(A))
print(A(1, x=2))
d = {A: 1}
print(d[A])
if not A:
    print("falsy class")
print(sorted([A, B]) is not None)
class Desc:
    def __get__(self, inst, owner):
        return ("get", inst, owner.__name__)
class P:
    d = Desc()
class Q(P):
    def f(self):
        return super().d
    @classmethod
    def g(cls):
        return super().d
print(Q().f()[0], Q().f()[2], Q.g())
