# Numeric special methods: pow, floordiv, mod, truediv with reflected forms; unary operators.
class Num:
    def __init__(self, v):
        self.v = v
    def __pow__(self, e):
        return Num(self.v ** e)
    def __rpow__(self, base):
        return Num(base ** self.v)
    def __floordiv__(self, o):
        return Num(self.v // o)
    def __rfloordiv__(self, o):
        return Num(o // self.v)
    def __mod__(self, o):
        return Num(self.v % o)
    def __rmod__(self, o):
        return Num(o % self.v)
    def __truediv__(self, o):
        return Num(self.v / o)
    def __rtruediv__(self, o):
        return Num(o / self.v)
    def __pos__(self):
        return Num(+self.v)
    def __neg__(self):
        return Num(-self.v)
    def __abs__(self):
        return Num(abs(self.v))
    def __repr__(self):
        return f"Num({self.v})"
n = Num(7)
print(n ** 2, 2 ** n, n // 2, 100 // n, n % 4, 50 % n, n / 2, 14 / n, +n, -n, abs(Num(-3)))
