# Class decorators, functions attached to classes after creation, instance attributes
# shadowing methods, class-body loops, two-argument super().
def register(cls):
    cls.registered = True
    cls.describe = lambda self: "I am " + type(self).__name__
    return cls

def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls

@add_repr
@register
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, "b")
print(p, Point.registered, p.describe())
def norm(self):
    return abs(self.x) + 1
Point.norm = norm
print(p.norm(), Point.norm(p))
p.norm = lambda: "instance attribute wins"
print(p.norm(), Point(5, 5).norm())
class Table:
    for i in range(3):
        pass
    squares = [n * n for n in range(4)]
print(Table.i, Table.squares)
class Base:
    def greet(self):
        return "base"
class Child(Base):
    def greet(self):
        return "child+" + super(Child, self).greet()
class GrandChild(Child):
    def greet(self):
        return "grand+" + super(Child, self).greet()
print(Child().greet(), GrandChild().greet())
class Cell:
    def which(self):
        return __class__.__name__
class SubCell(Cell):
    pass
print(SubCell().which())
