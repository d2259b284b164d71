# Zero-argument super(): in __init__, in overridden methods, through several levels.
class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        return 0

    def describe(self):
        return f"{self.name} with area {self.area()}"

class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"

    def describe(self):
        return "[" + super().describe() + "]"

for s in [Shape("blob"), Rect(2, 3), Square(4)]:
    print(s.describe())
class Logged(list):
    def append(self, item):
        print("appending", item)
        super().append(item)
l = Logged()
l.append(1)
l.append(2)
print(l, len(l), isinstance(l, list))
class Base:
    def __init__(self, **kw):
        self.kw = kw
class Child(Base):
    def __init__(self, extra, **kw):
        super().__init__(**kw)
        self.extra = extra
c = Child(1, a=2)
print(c.kw, c.extra)
class K:
    @classmethod
    def make(cls):
        return cls.__name__
class L(K):
    @classmethod
    def make(cls):
        return "L via " + super().make()
print(L.make())
