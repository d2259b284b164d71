# Overwriting a local releases its old value at once: weak reference callbacks print
# interleaved with the program's own output exactly as in CPython, for objects, immediates
# and unbound locals.
import weakref

refs = []


class Noisy:
    def __init__(self, name):
        self.name = name
        refs.append(weakref.ref(self, lambda r, name=name: print("del", name)))


def overwrite_objects():
    a = Noisy("a1")
    print("made a1")
    a = Noisy("a2")
    print("after a = a2")
    a = 5
    print("after a = 5")
    a = 2.5
    a = "text"
    a = None
    a = Noisy("a3")
    a = True
    print("after a = True")
    return "done"


print(overwrite_objects())


def overwrite_in_loop():
    x = None
    for i in range(3):
        x = Noisy("loop%d" % i)
        print("stored", i)
    print("loop over")


overwrite_in_loop()
print("after loop function")


def unpack_over_objects():
    p, q = Noisy("p1"), Noisy("q1")
    print("first pair")
    p, q = 1, 2
    print("second pair", p, q)
    p, q = Noisy("p2"), Noisy("q2")
    p, q = q, p
    print("swapped", p.name, q.name)
    del p
    print("deleted p")
    return q.name


print(unpack_over_objects())


def immediates_only(n):
    total = 0
    i = 0
    while i < n:
        a = i
        b = a * 2
        c = b - a
        total = total + c
        i = i + 1
    return total, a, b, c


print(immediates_only(1000))


def unbound_then_bound():
    try:
        print(z)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    z = Noisy("z")
    z = 0
    print("z is", z)


unbound_then_bound()


def generator_locals():
    v = Noisy("g1")
    yield 1
    v = Noisy("g2")
    yield 2
    v = 3
    yield v


for item in generator_locals():
    print("gen", item)
print("end")
