# A built-in number on the left of a binary operator keeps its turn before the right
# operand's reflected method, unless the right operand's type subclasses the left's.


class Z(int):
    def __radd__(self, other):
        return "Z.radd"

    def __rmul__(self, other):
        return "Z.rmul"

    def __rsub__(self, other):
        return "Z.rsub"

    def __rand__(self, other):
        return "Z.rand"

    def __gt__(self, other):
        return "Z.gt"


class F(float):
    def __radd__(self, other):
        return "F.radd"

    def __rpow__(self, other):
        return "F.rpow"


class B(int):
    def __rtruediv__(self, other):
        return NotImplemented


print(1.5 + Z(1), 1.5 * Z(2), 1.5 - Z(1), 2.0 ** Z(3))
print(1 + Z(1), True + Z(1), 2 * Z(3), 7 - Z(1), 6 & Z(3))
print(1.5 & 1 if False else "skip", end=" ")
try:
    print(1.5 & Z(3))
except TypeError as e:
    print(type(e).__name__, e)
print(1 + F(1.5), 1.5 + F(1.5), 2 ** F(2.0), 2.0 ** F(2.0))
print(10 / B(4), 10.0 / B(4), 10 // B(4), divmod(10, B(4)))
print(1.5 < Z(2), 1.5 > Z(2), 1 < Z(2))
x = 1.5
x += Z(1)
print(x)
y = 1
y += Z(1)
print(y)
print([1] * Z(2), "ab" * Z(2))
try:
    print([1] + Z(2))
except TypeError as e:
    print(type(e).__name__, e)



class RD(int):
    def __rdivmod__(self, other):
        return "RD.rdivmod"


print(divmod(10, B(4)), divmod(B(10), 4), divmod(10.5, B(4)), divmod(10, RD(3)), divmod(10.5, RD(3)))
print(RD(3).__rdivmod__(10), int.__rdivmod__(3, 10), (3).__divmod__(10), float.__rdivmod__(2.0, 7))
print(B(3).numerator, B(3).denominator, B(3).real, B(3).imag, type(B(3).real).__name__)
print(F(2.5).real, F(2.5).imag, type(F(2.5).real).__name__)
