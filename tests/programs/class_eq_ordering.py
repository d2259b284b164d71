# __eq__/__ne__ and ordering methods: sorted, min, max, comparisons, identity default.
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __le__(self, other):
        return self.parts <= other.parts

    def __gt__(self, other):
        return self.parts > other.parts

    def __ge__(self, other):
        return self.parts >= other.parts

    def __repr__(self):
        return "v" + ".".join(str(p) for p in self.parts)

vs = [Version(t) for t in ["1.10.0", "1.2.3", "0.9", "1.2.3", "2.0"]]
print(sorted(vs), min(vs), max(vs), sorted(vs, reverse=True))
a, b = Version("1.0"), Version("1.0")
print(a == b, a != b, a is b, a < b, a <= b, a > Version("0.1"), a >= b)
print(a == "1.0", a != "1.0", vs.count(Version("1.2.3")), Version("2.0") in vs, vs.index(Version("0.9")))
class Plain:
    pass
p, q = Plain(), Plain()
print(p == p, p == q, p != q, [p].count(p))
try:
    p < q
except TypeError as e:
    print("TypeError:", e)
class OnlyLt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
print(OnlyLt(1) > OnlyLt(0), [o.v for o in sorted([OnlyLt(3), OnlyLt(1), OnlyLt(2)])])
