# Arithmetic dunders: __add__/__radd__/__mul__/__rmul__/__sub__/__neg__, NotImplemented, sum().
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        return NotImplemented

    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

a, b = Vec(1, 2), Vec(3, 4)
print(a + b, b - a, a * 3, 3 * a, -a, abs(b), sum([a, b, Vec(0, 1)]))
print(a + b == Vec(4, 6), a * 2 == Vec(2, 4))
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
try:
    "s" - a
except TypeError as e:
    print("TypeError:", e)
acc = Vec(0, 0)
for i in range(3):
    acc += Vec(i, i)
print(acc)
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        return Money(self.cents + (other.cents if isinstance(other, Money) else other))
    def __iadd__(self, other):
        self.cents += other
        return self
    def __truediv__(self, n):
        return Money(self.cents // n)
    def __floordiv__(self, n):
        return self.cents // n
    def __mod__(self, n):
        return self.cents % n
    def __lt__(self, other):
        return self.cents < other.cents
    def __repr__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
m = Money(1050)
alias = m
m += 25
print(m, alias, m + Money(5), m + 1, m / 4, m // 7, m % 7, min(Money(3), Money(1)))
