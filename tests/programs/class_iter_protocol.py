# __iter__/__next__: iterator classes, iterables returning generators, StopIteration.
class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

print(list(Countdown(4)), [x * 2 for x in Countdown(3)], sum(Countdown(10)))
c = Countdown(2)
print(next(c), next(c), next(c, "done"))
class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children
    def __iter__(self):
        yield self.value
        for child in self.children:
            yield from child
t = Tree(1, Tree(2, Tree(3)), Tree(4))
print(list(t), max(t), 3 in t, sorted(t, reverse=True))
for i, v in enumerate(Tree("a", Tree("b"))):
    print(i, v)
class Pairs:
    def __init__(self, data):
        self.data = data
    def __iter__(self):
        return iter(self.data.items())
print(dict(Pairs({"x": 1})), list(zip(Countdown(3), "abc")))
