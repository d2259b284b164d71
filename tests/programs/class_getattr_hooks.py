# __getattr__ (fallback for missing attributes), __setattr__ and __delattr__ hooks.
class Config:
    def __init__(self, **values):
        object.__setattr__(self, "_values", dict(values))
        object.__setattr__(self, "writes", 0)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(f"no setting {name!r}") from None

    def __setattr__(self, name, value):
        self._values[name] = value
        object.__setattr__(self, "writes", self.writes + 1)

    def __delattr__(self, name):
        del self._values[name]

c = Config(host="localhost", port=80)
print(c.host, c.port, c.writes)
c.port = 8080
c.debug = True
print(c.port, c.debug, c.writes, sorted(c._values))
del c.debug
print(hasattr(c, "debug"), getattr(c, "debug", "gone"))
try:
    c.missing
except AttributeError as e:
    print("AttributeError:", e)
class Proxy:
    def __init__(self, target):
        self.target = target
        self.calls = []
    def __getattr__(self, name):
        self.calls.append(name)
        return getattr(self.target, name)
p = Proxy([3, 1, 2])
p.append(0)
p.sort()
print(p.target, p.calls, p.count(1))
