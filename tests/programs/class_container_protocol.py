# __getitem__/__setitem__/__delitem__/__contains__: a sparse grid and a case-insensitive dict.
class Grid:
    def __init__(self):
        self.cells = {}

    def __getitem__(self, pos):
        return self.cells.get(pos, ".")

    def __setitem__(self, pos, value):
        self.cells[pos] = value

    def __delitem__(self, pos):
        del self.cells[pos]

    def __contains__(self, pos):
        return pos in self.cells

g = Grid()
g[0, 0] = "#"
g[1, 2] = "@"
print(g[0, 0], g[5, 5], (1, 2) in g, (3, 3) in g, (3, 3) not in g)
del g[0, 0]
print(g.cells)
try:
    del g[9, 9]
except KeyError as e:
    print("KeyError:", e)
class CaseDict:
    def __init__(self):
        self.data = {}
    def __setitem__(self, key, value):
        self.data[key.lower()] = value
    def __getitem__(self, key):
        return self.data[key.lower()]
cd = CaseDict()
cd["Name"] = "ada"
cd["NAME"] += "!"
print(cd["name"], cd.data)
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
print(list(Seq()), 9 in Seq(), [x for x in Seq()])
class Slicer:
    def __getitem__(self, key):
        return key
s = Slicer()
print(s[1], s[1:2], s[::3], s[1, 2:3], s["k"])
