# Ordering with only __lt__ defined: sorted, min and max all work through reflection.
class Item:
    def __init__(self, rank, name):
        self.rank = rank
        self.name = name

    def __lt__(self, other):
        return self.rank < other.rank

    def __repr__(self):
        return self.name

items = [Item(3, "c"), Item(1, "a"), Item(2, "b"), Item(1, "a2")]
print(sorted(items), max(items), min(items), sorted(items, reverse=True))
print(Item(1, "x") > Item(0, "y"), Item(0, "x") > Item(1, "y"))
try:
    Item(1, "x") <= Item(2, "y")
except TypeError as e:
    print("TypeError:", e)
items.sort()
print(items, items[0].name)
