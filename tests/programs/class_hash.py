# __hash__ with __eq__: instances as dict keys and set members; default identity hashing.
class Key:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __eq__(self, other):
        return isinstance(other, Key) and (self.a, self.b) == (other.a, other.b)

    def __hash__(self):
        return hash((self.a, self.b))

    def __repr__(self):
        return f"Key({self.a}, {self.b})"

d = {Key(1, 2): "first"}
d[Key(1, 2)] = "replaced"
d[Key(2, 1)] = "other"
print(d, len(d), Key(1, 2) in d, d[Key(2, 1)])
s = {Key(0, 0), Key(0, 0), Key(0, 1)}
print(len(s), Key(0, 1) in s, hash(Key(3, 4)) == hash((3, 4)))
class Unhashable:
    def __eq__(self, other):
        return True
try:
    {Unhashable(): 1}
except TypeError as e:
    print("TypeError:", e)
class Ident:
    pass
i = Ident()
print({i: 1}[i], len({Ident(), Ident()}), hash(i) == hash(i))
class Hash7:
    def __hash__(self):
        return 7
print(hash(Hash7()))
