# Bitwise special methods, __int__, __index__ (hex, bin, indexing, slicing) and __format__.
class Bits:
    def __init__(self, v):
        self.v = v
    def __and__(self, o):
        return Bits(self.v & int(o))
    def __or__(self, o):
        return Bits(self.v | int(o))
    def __xor__(self, o):
        return Bits(self.v ^ int(o))
    def __invert__(self):
        return Bits(~self.v & 0xFF)
    def __lshift__(self, n):
        return Bits((self.v << n) & 0xFF)
    def __int__(self):
        return self.v
    def __index__(self):
        return self.v
    def __repr__(self):
        return f"Bits({self.v:08b})"
    def __format__(self, spec):
        return "<" + format(self.v, spec or "d") + ">"
b = Bits(0b1010)
print(b & 0b0110, b | 1, b ^ Bits(0b1111), ~b, b << 5)
print(hex(Bits(255)), [10, 20, 30, 40][Bits(2)], "abcdef"[Bits(1):Bits(4)], bin(Bits(5)))
print(f"{b}|{b:x}|{b:>5}", format(b, "b"), str(b))
