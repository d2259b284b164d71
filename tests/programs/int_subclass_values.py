# Instances of subclasses of int/float/str: conversions and the built-in type's own methods.
class I(int):
    pass


class F(float):
    pass


class J(int):
    def __repr__(self):
        return "J!"


i, f, j = I(5), F(2.5), J(3)
print(int(i), float(i), int(f), float(f), type(int(i)).__name__, type(float(f)).__name__)
print(int.__repr__(i), int.__str__(i), float.__repr__(f), repr(j), str(j), int(j))
print(None.__new__(type(None)), int.__new__(int, "7"), type(int.__new__(I, 9)).__name__, int.__new__(I, 9) + 1)
print(int.__new__ is object.__new__, None.__new__ is type(None).__new__, str.__new__(str, 12))
for bad in (lambda: int.__new__(str), lambda: int.__new__(5), lambda: None.__new__(type(None), 1)):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
print(None.__doc__, (5).__init__() is None, hasattr(1, "__reduce_ex__"))
