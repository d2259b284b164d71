# type(x).__name__ and __class__ in dispatch tables and generic printing of objects.
class Circle:
    def __init__(self, r):
        self.r = r

class Square:
    def __init__(self, s):
        self.s = s

def area(shape):
    handlers = {
        "Circle": lambda c: round(3.14159 * c.r * c.r, 3),
        "Square": lambda q: q.s * q.s,
    }
    return handlers[type(shape).__name__](shape)

shapes = [Circle(1), Square(2), Circle(0.5)]
print([(type(s).__name__, area(s)) for s in shapes])
print(shapes[0].__class__ is Circle, shapes[1].__class__.__name__, type(shapes[0]) == Circle)
def describe(obj):
    return f"{type(obj).__name__}({', '.join(f'{k}={v!r}' for k, v in obj.__dict__.items())})"
print(describe(Circle(2)), describe(Square("x")))
print(type(Circle), type(Circle).__name__, Circle.__name__, str(Circle).startswith("<class '__main__.Circle'>"))
