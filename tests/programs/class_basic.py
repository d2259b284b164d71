# Classes: __init__, methods, instance attributes, bound methods, type and __name__.
class Counter:
    """Counts things."""

    def __init__(self, start=0):
        self.value = start

    def increment(self, by=1):
        self.value += by
        return self

    def get(self):
        return self.value

c = Counter()
c.increment().increment(5)
print(c.get(), c.value, type(c).__name__, Counter.__name__, isinstance(c, Counter))
d = Counter(10)
bound = d.increment
bound()
bound(2)
print(d.value, c.value, Counter.get(d), Counter.increment(c, 100).value)
print(type(bound).__name__, bound.__self__ is d, bound.__func__ is Counter.increment)
c.extra = "dynamic"
print(c.extra, hasattr(d, "extra"), Counter.__doc__)
class Empty:
    pass
e = Empty()
e.x = 1
print(e.x, type(e).__name__, type(Empty).__name__, Empty.__qualname__)
