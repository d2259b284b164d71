# isinstance/issubclass with user classes, tuples of classes, built-in bases, and object.
class A: pass
class B(A): pass
class C: pass
class D(B, C): pass
class MyInt(int): pass
class MyList(list): pass
objs = [A(), B(), C(), D(), MyInt(3), MyList([1])]
for o in objs:
    print(type(o).__name__, isinstance(o, A), isinstance(o, (C, int)), isinstance(o, object))
print(issubclass(D, A), issubclass(D, (int, C)), issubclass(A, B), issubclass(B, B))
print(MyInt(3) + 4, type(MyInt(3) + 4).__name__, MyList([1, 2]) + [3], len(MyList("abc")))
print(isinstance(A, type), isinstance(MyInt, type), type(A) is type, issubclass(type, object))
try:
    issubclass(A(), A)
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance(1, 1)
except TypeError as e:
    print("TypeError:", e)
