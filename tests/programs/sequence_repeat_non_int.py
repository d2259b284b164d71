# A sequence repeated by an object that is no integer: CPython's message names that object's type.
class A:
    def __mul__(self, o): return NotImplemented
class B: pass
for f in [lambda: A() * "x", lambda: "x" * A(), lambda: B() * [1], lambda: [1] * B(), lambda: (1,) * 1.5, lambda: B() + "x", lambda: "x" + B(), lambda: [1] + B(), lambda: B() + [1], lambda: b"x" * B()]:
    try: f()
    except TypeError as e: print(e)
