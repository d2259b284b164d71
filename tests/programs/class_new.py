# __new__: singletons, caching instances, and subclassing immutable built-ins.
class Singleton:
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
            cls._instance.created = 0
        cls._instance.created += 1
        return cls._instance

a = Singleton()
b = Singleton()
print(a is b, a.created)
class Upper(str):
    def __new__(cls, value):
        return super().__new__(cls, value.upper())
u = Upper("shout")
print(u, type(u).__name__, isinstance(u, str), u + "!", len(u))
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
pt = Point(3, 4)
print(pt, pt.x, pt[1], pt == (3, 4), type(pt).__name__)
class Positive(int):
    def __new__(cls, value):
        if value <= 0:
            raise ValueError("not positive: " + str(value))
        return super().__new__(cls, value)
print(Positive(5) + 1)
try:
    Positive(-1)
except ValueError as e:
    print("ValueError:", e)
