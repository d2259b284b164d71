# User-defined descriptors: __get__/__set__/__set_name__ for validated, typed attributes.
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __init__(self, kind, default=None):
        self.kind = kind
        self.default = default

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, self.default)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}, not {type(value).__name__}")
        setattr(obj, self.name, value)

class Counter:
    """A non-data descriptor: only __get__."""
    def __get__(self, obj, objtype=None):
        return "class access" if obj is None else f"instance of {type(obj).__name__}"

class Product:
    name = Typed(str, "unnamed")
    price = Typed(float, 0.0)
    info = Counter()

    def __init__(self, name, price):
        self.name = name
        self.price = price

p = Product("pen", 1.5)
print(p.name, p.price, Product.info, p.info, type(Product.name).__name__)
try:
    p.price = "free"
except TypeError as e:
    print("TypeError:", e)
p.info = "shadowed"
print(p.info, sorted(p.__dict__))
