# `super().name(...)` calls: the definition after the class along the receiver's MRO, whatever
# kind of attribute it is, never the instance's own dict.


class Base:
    def greet(self, who):
        return "base greets " + who

    @property
    def prop(self):
        return "base prop"

    @classmethod
    def cm(cls, x):
        return ("cm", cls.__name__, x)

    @staticmethod
    def sm(x):
        return ("sm", x)

    def __init__(self):
        self.made = True


class Mid(Base):
    def greet(self, who):
        return "mid+" + super().greet(who)


class Leaf(Mid):
    def greet(self, who):
        return "leaf+" + super().greet(who)

    def check(self):
        return (super().prop, super().cm(1), super().sm(2), super(Mid, self).greet("x"))

    def __init__(self):
        super().__init__()
        self.greet_shadow = 1


leaf = Leaf()
print(leaf.greet("you"), leaf.made)
print(leaf.check())
leaf.greet = lambda who: "instance attribute"
print("instance dict skipped:", Leaf.greet(leaf, "me"), "|", leaf.greet("me"))


class Other:
    pass


try:
    super(Leaf, Other()).greet("no")
except TypeError as e:
    print(type(e).__name__, e)

try:
    super(Leaf, leaf).missing()
except AttributeError as e:
    print(type(e).__name__, e)


class MyList(list):
    def append(self, x):
        super().append(x * 2)

    def total(self):
        return sum(super().__iter__())


ml = MyList()
for i in range(3):
    ml.append(i)
print("native via super", ml, ml.total(), super(MyList, ml).__len__())


class Diamond(Mid, Base):
    pass


class A:
    def who(self):
        return ["A"]


class B(A):
    def who(self):
        return ["B"] + super().who()


class C(A):
    def who(self):
        return ["C"] + super().who()


class D(B, C):
    def who(self):
        return ["D"] + super().who()


print("mro chain", D().who(), Diamond().greet("d"))

# The method changes after calls warmed: the new one is found.
results = []
for round_ in range(3):
    results.append(Leaf().greet("r"))
    if round_ == 1:
        Base.greet = lambda self, who: "patched " + who
print(results)
del Base.greet
try:
    Leaf().greet("gone")
except AttributeError as e:
    print(type(e).__name__, e)


class WithCall:
    def __init__(self, tag):
        self.tag = tag


class Sub(WithCall):
    def __init__(self, tag, extra):
        super().__init__(tag)
        self.extra = extra

    def attrs(self):
        s = super()
        return (type(s).__name__, s.__thisclass__.__name__, type(s.__self__).__name__)


print(Sub("t", 1).tag, Sub("t", 2).extra, Sub("u", 3).attrs())
try:
    Sub("x")
except TypeError as e:
    print(type(e).__name__, e)
