# __repr__ and __str__: print and str use __str__, containers and !r use __repr__.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

class Named(Point):
    def __str__(self):
        return f"<{self.x},{self.y}>"

class OnlyStr:
    def __str__(self):
        return "only str"

p = Point(1, "two")
n = Named(3, 4)
print(p, n)
print(str(p), repr(p), str(n), repr(n))
print([p, n], (n,), {"k": n})
print(f"{p} {p!r} {n} {n!r} {n!s}")
print(OnlyStr(), str(OnlyStr()), [str(OnlyStr())])
print(repr(OnlyStr()).startswith("<__main__.OnlyStr object at 0x"))
class Bad:
    def __repr__(self):
        return 42
try:
    repr(Bad())
except TypeError as e:
    print("TypeError:", e)
