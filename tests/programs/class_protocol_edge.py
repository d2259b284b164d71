# Protocol edge cases: reflected comparisons, NotImplemented on both sides, bad __bool__/__init__,
# __contains__ falling back to __iter__, __hash__ = None, str() falling back to __repr__.
class Low:
    def __lt__(self, other):
        return "Low.__lt__"

class High:
    def __gt__(self, other):
        return "High.__gt__"

print(Low() < 1, 1 > Low(), High() > 1, 1 < High())
class Never:
    def __eq__(self, other):
        return NotImplemented
n = Never()
print(n == n, n == Never(), n != Never())
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)
class IterOnly:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in IterOnly(), 5 in IterOnly())
class NoHash:
    __hash__ = None
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)
class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"
print(str(ReprOnly()), f"{ReprOnly()}", [ReprOnly()])
class Base:
    def __str__(self):
        return "from Base"
class Derived(Base):
    pass
print(Derived(), str(Derived()))
class Num:
    def __init__(self, v):
        self.v = v
    def __radd__(self, other):
        return Num(other + self.v)
    def __rsub__(self, other):
        return Num(other - self.v)
    def __repr__(self):
        return f"Num({self.v})"
print(1 + Num(2), 10 - Num(3), 5 + Num(1))
