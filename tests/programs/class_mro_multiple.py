# Multiple inheritance: C3 method resolution order, diamond, cooperative super() calls.
class Base:
    def who(self):
        return ["Base"]

class Left(Base):
    def who(self):
        return ["Left"] + super().who()

class Right(Base):
    def who(self):
        return ["Right"] + super().who()

class Diamond(Left, Right):
    def who(self):
        return ["Diamond"] + super().who()

print(Diamond().who())
print([c.__name__ for c in Diamond.__mro__])
class A:
    x = "A"
class B:
    x = "B"
    y = "B.y"
class C(A, B):
    pass
print(C.x, C.y, [k.__name__ for k in C.__mro__])
class Mixin:
    def greet(self):
        return "hello from " + self.name()
class Named:
    def name(self):
        return type(self).__name__
class Widget(Mixin, Named):
    pass
print(Widget().greet(), isinstance(Widget(), Mixin), isinstance(Widget(), Named))
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y): pass
class V(Z, W): pass
print([k.__name__ for k in V.__mro__])
try:
    class Bad(X, Z):
        pass
except TypeError as e:
    print("TypeError:", e)
