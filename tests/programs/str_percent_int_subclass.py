import enum


class Level(enum.IntEnum):
    LOW = 1
    HIGH = 30


class Bits(enum.IntFlag):
    R = 4
    W = 2


class MyInt(int):
    def __str__(self):
        return "MyInt!"


class MyFloat(float):
    pass


print("%d|%s|%r|%x|%o|%5.1f|%c" % (Level.HIGH, Level.HIGH, Level.HIGH, Level.HIGH, Level.HIGH, Level.HIGH, Level.HIGH + 35))
print("%d %s %X %#x %e" % (MyInt(255), MyInt(255), MyInt(255), MyInt(255), MyInt(255)))
print("%d %s %.2f %g %i" % (MyFloat(2.75), MyFloat(2.75), MyFloat(2.75), MyFloat(2.75), MyFloat(-2.75)))
print("%d %s %r" % (Bits.R | Bits.W, Bits.R | Bits.W, Bits.R))
print("%(lvl)d/%(lvl)s" % {"lvl": Level.LOW}, "%05d" % MyInt(-42), "%+d" % Level.LOW, "%-4d|" % True, "%s %d" % (False, True))
print(b"%d %x %s" % (Level.HIGH, MyInt(10), b"ok"), b"%r" % Level.LOW)
for fmt, arg in [("%x", MyFloat(1.5)), ("%d", "3"), ("%c", MyFloat(65.0)), ("%f", object())]:
    try:
        print(fmt % arg)
    except TypeError as e:
        print(type(e).__name__, e)
