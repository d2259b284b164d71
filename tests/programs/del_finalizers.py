# __del__ runs when the last reference goes, once, in CPython's order; the cycle collector
# calls it before breaking a cycle; a resurrected object is not finalized twice.
import gc


class Res:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


r = Res("a")
del r
print("after del a")
r = Res("b")
r = Res("c")
print("after rebind")


def scope():
    x = Res("local")
    print("in scope")


scope()
print("after scope")
items = [Res("l1"), Res("l2")]
items.pop()
print("after pop")
items.clear()
print("after clear")
d = {"k": Res("dict")}
d["k"] = None
print("after dict store")


class Sub(Res):
    pass


Sub("sub")
print("after temporary")


class Late:
    pass


Late.__del__ = lambda self: print("late del")
Late()
print("after late")


class Cyc(Res):
    pass


a, b = Cyc("cyc-a"), Cyc("cyc-b")
a.other, b.other = b, a
del a, b
print("before collect")
print("collected", gc.collect() > 0)


saved = []


class Phoenix:
    def __del__(self):
        print("phoenix del")
        saved.append(self)


Phoenix()
print("resurrected", len(saved), gc.is_finalized(saved[0]))
saved.clear()
print("after second death")


def gen():
    try:
        yield Res("gen-local")
    finally:
        print("gen finally")


g = gen()
next(g)
del g
print("after gen")
c = Res("c2")
c = None
r = None
print("end")


def gen_at_exit():
    try:
        yield 1
    finally:
        print("module generator finally")


held = Res("module-level")
_private = Res("underscored")
suspended = gen_at_exit()
next(suspended)
last = Res("last")
print("end of program")
