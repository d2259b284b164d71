# The enum module (CPython's own enum.py) on the worker's metaclasses and built-in types.
import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


class Num(IntEnum):
    ONE = 1
    TWO = 2


class Perm(IntFlag):
    R = 4
    W = 2
    X = 1


class Shape(Flag):
    ROUND = auto()
    SQUARE = auto()
    BIG = auto()


class Auto(Enum):
    A = auto()
    B = auto()


print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"], Color.RED.name, Color.RED.value)
print(list(Color), len(Color), Color.RED in Color, Color.RED is Color(1))
print([m.name for m in Auto], Auto.B.value)
print(Num.ONE + 1, Num(2), str(Num.TWO), repr(Num.TWO), Num.TWO == 2, isinstance(Num.ONE, int))
print(int(Num.TWO), float(Num.ONE), f"{Num.TWO}", sorted([Num.TWO, Num.ONE]))
print(Perm.R | Perm.W, int(Perm.R | Perm.W), Perm.R in (Perm.R | Perm.X), repr(Perm(7)))
print(Shape.ROUND | Shape.BIG, bool(Shape.ROUND & Shape.SQUARE), Shape(0), repr(Shape.BIG))
for bad in (lambda: Color(9), lambda: Color["PINK"]):
    try:
        bad()
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print(type(e).__name__, e)


class Planet(Enum):
    EARTH = (5.976e24, 6.37814e6)
    MARS = (6.421e23, 3.3972e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return round(6.673e-11 * self.mass / (self.radius * self.radius), 3)


print(Planet.EARTH.gravity, Planet.MARS.mass, Planet((6.421e23, 3.3972e6)).name)
print(Color.RED.__class__.__name__, type(Color).__name__, Color.__members__["GREEN"])
