# __len__ and __bool__: len(), truth testing, bool() fallback to __len__.
class Bag:
    def __init__(self, *items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        return self.on

print(len(Bag(1, 2, 3)), len(Bag()), bool(Bag()), bool(Bag(0)))
for obj in [Bag(), Bag(1), Flag(True), Flag(False), object()]:
    print(type(obj).__name__, "truthy" if obj else "falsy", not obj)
print([b for b in [Bag(), Bag(1), Bag(1, 2)] if b].__len__())
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
print(Flag(True) and "yes", Flag(False) or "fallback")
