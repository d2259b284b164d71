# Class attributes vs instance attributes: shadowing, shared mutables, access via the class.
class Config:
    default_port = 8080
    shared = []

    def __init__(self, name):
        self.name = name

a = Config("a")
b = Config("b")
print(a.default_port, b.default_port, Config.default_port)
a.default_port = 9000
print(a.default_port, b.default_port, Config.default_port)
Config.default_port = 7000
print(a.default_port, b.default_port, Config.default_port)
a.shared.append("from a")
print(b.shared, Config.shared, a.shared is b.shared)
del a.default_port
print(a.default_port)
Config.added_later = "late"
print(a.added_later, getattr(b, "added_later"))
class Registry:
    count = 0
    def __init__(self):
        Registry.count += 1
        self.id = Registry.count
items = [Registry() for _ in range(3)]
print([r.id for r in items], Registry.count)
class WithConstants:
    X = 2
    Y = X * 3
    Z = [i * 2 for i in range(X)]
print(WithConstants.Y, WithConstants.Z)
