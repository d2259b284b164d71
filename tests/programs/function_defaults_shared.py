# Default values are evaluated once, at definition time, and shared between calls.
def append_to(item, target=[]):
    target.append(item)
    return target

print(append_to(1), append_to(2), append_to(3, []), append_to(4))
counter = 10
def show(value=counter):
    return value
counter = 20
print(show(), show(5))
def safe(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(safe(1), safe(2))
def make(n):
    def inner(x=n * 2):
        return x
    return inner
print(make(1)(), make(5)(), make(5)(0))
