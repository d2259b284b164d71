# int(), float() and complex() constructors: keyword and base checks, conversion dunders' results,
# bytes-like digits, number subclasses (complex included), fromhex on a subclass.
import warnings

warnings.simplefilter("ignore", DeprecationWarning)
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: int(x=1.2))
t(lambda: int(x='100', base=2))
t(lambda: int(base=10))
t(lambda: int(base=0))
t(lambda: int('0', 2**234))
t(lambda: int('0', -2**100))
class MyInt(int):
    def __int__(self): return 42
class BadInt(int):
    def __int__(self): return 42.0
t(lambda: int(MyInt(7)))
t(lambda: int(BadInt(7)))
t(lambda: int(b'123\x00'))
t(lambda: int(bytearray(b'12')))
t(lambda: int(memoryview(b'12')))
t(lambda: int(b'12', 16))
t(lambda: int(bytearray(b'12'), 16))
class S(str): pass
t(lambda: int(S('12'), 16))
t(lambda: float(bytearray(b'1.5')))
t(lambda: float(memoryview(b'1.5')))
t(lambda: float(b'1.5\x00'))
t(lambda: float(x=1))
t(lambda: complex(real=1, imag=2))

class complex2(complex): pass
c = complex2(1+1j)
print(type(c).__name__, c, repr(c), c.real, c.imag, c + 1, c * 2, abs(complex2(3+4j)), c == 1+1j, hash(c) == hash(1+1j))
print(complex(c), type(complex(c)).__name__, c.conjugate())
class C3(complex):
    def __new__(cls, *a): return super().__new__(cls, *a)
print(C3(2, 3), type(C3(2,3)).__name__, C3(2,3).imag)
z = 3 + 4j
print(z.__complex__(), type(z.__complex__()).__name__)
class F(float): pass
print(type(F.fromhex('0x1p0')).__name__, F.fromhex('0x1p0'))
class F2(float):
    def __new__(cls, v): return float.__new__(cls, v*2)
print(F2.fromhex('0x1p0'))
try: int.__new__(bool, 0)
except TypeError as e: print(e)
try: float.__new__(int, 0)
except TypeError as e: print(e)
print(float('1_0.5'), complex('1+2j'))
try: float('\ud8f0')
except ValueError as e: print(type(e).__name__)

class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


t(lambda: int("101", base=Idx(2)))
t(lambda: int("43", Idx(37)))


class Trunc:
    def __trunc__(self):
        return Idx(7)


class BadTrunc:
    def __trunc__(self):
        return "x"


t(lambda: int(Trunc()))
t(lambda: int(BadTrunc()))


class IdxBad:
    def __index__(self):
        return 1.5


t(lambda: int(IdxBad()))
t(lambda: float(F(2.5)))
t(lambda: type(float(F(2.5))).__name__)
