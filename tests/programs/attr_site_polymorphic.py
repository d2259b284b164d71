# One attribute instruction reading through instances and classes of two, three and more
# classes in turn, with class attributes changed, added and deleted after the sites warmed.


class Base:
    kind = "base"

    def who(self):
        return "Base.who"

    def describe(self):
        return self.kind + ":" + self.who()


class Left(Base):
    kind = "left"

    def who(self):
        return "Left.who"


class Right(Base):
    def who(self):
        return "Right.who"


class Far(Right):
    kind = "far"


def read_all(objs):
    # The same LOAD_ATTR / LOAD_METHOD instructions see every class in turn.
    out = []
    for o in objs:
        out.append((o.kind, o.who(), o.describe()))
    return out


pair = [Left(), Right()] * 3
print(read_all(pair))
trio = [Left(), Right(), Far(), Base()] * 2
print(read_all(trio))
print(read_all(pair))

# Change what the second class sees after the site warmed with both classes.
Right.kind = "right"
print(read_all(pair))
del Right.kind
print(read_all(pair))
Left.who = lambda self: "patched Left.who"
print(read_all(pair))
del Left.who
print(read_all(pair))
Base.who = lambda self: "patched Base.who"
print(read_all(trio))


def class_reads(classes):
    # Attribute reads on the classes themselves (class receivers).
    out = []
    for c in classes:
        out.append((c.kind, c.who.__name__))
    return out


print(class_reads([Left, Right] * 2))
Left.kind = "LEFT"
print(class_reads([Left, Right, Far] * 2))


class Slot1:
    __slots__ = ("x",)

    def __init__(self, x):
        self.x = x


class Plain:
    def __init__(self, x):
        self.x = x


class Prop:
    @property
    def x(self):
        return "prop"


def read_x(objs):
    return [o.x for o in objs]


print(read_x([Slot1(1), Plain(2)] * 2))
print(read_x([Slot1(1), Plain(2), Prop()] * 2))


def missing(objs):
    out = []
    for o in objs:
        try:
            out.append(o.absent)
        except AttributeError as e:
            out.append(str(e))
    return out


print(missing([Left(), Right()]))
Right.absent = "now present"
print(missing([Left(), Right()]))
Base.absent = "in base"
print(missing([Left(), Right(), Far()]))


class Shadow(Left):
    pass


s = Shadow()
objs = [Left(), s, Right()]
print(read_all(objs))
s.kind = "instance kind"
print(read_all(objs))
Shadow.who = staticmethod(lambda: "static who")
print(read_all(objs))
Shadow.who = classmethod(lambda cls: "class who " + cls.__name__)
print(read_all(objs))


class P1:
    def __init__(self):
        self.a = 1
        self.value = "p1"


class P2:
    def __init__(self):
        self.value = "p2"
        self.b = 2
        self.c = 3


class P3:
    def __init__(self):
        self.x = 0
        self.y = 0
        self.value = "p3"


def bump_all(objs, rounds):
    # One LOAD_ATTR and one STORE_ATTR instruction over instances whose dicts keep `value`
    # at different positions.
    for _ in range(rounds):
        for o in objs:
            o.value = o.value + "."
    return [o.value for o in objs]


print(bump_all([P1(), P2()], 3))
print(bump_all([P1(), P2(), P3()], 2))
odd = P2()
del odd.value
odd.value = "moved"
print(bump_all([P1(), odd, P2()], 2))
gone = P1()
del gone.value
try:
    bump_all([P2(), gone], 1)
except AttributeError as e:
    print(type(e).__name__, e)
