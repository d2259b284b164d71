# _random.Random: CPython's Mersenne Twister bit for bit (seeding from ints of any size and
# sign, floats by hash, getrandbits, getstate/setstate, subclassing as random.Random does).
import _random

R = _random.Random


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


r = R(42)
print([r.random() for _ in range(5)])
print([r.getrandbits(k) for k in (1, 7, 31, 32, 33, 64, 100, 0)])
for seed in (0, 1, -1, 12345, 2**32, 2**32 - 1, 2**64 + 7, -(2**100), 10**50, True):
    g = R(seed)
    print(seed, g.random(), g.getrandbits(40))
print(R(1.5).random(), R(-2.25).random(), R(0.0).random() == R(0).random())
r = R()
r.seed(7)
a = [r.random() for _ in range(3)]
r.seed(7)
print(a == [r.random() for _ in range(3)], a)
st = r.getstate()
print(type(st).__name__, len(st), st[-1], st[0], st[1], st[623])
x = [r.random() for _ in range(700)]
r.setstate(st)
print(x == [r.random() for _ in range(700)], x[-1])
r2 = R(0)
r2.setstate(st)
print(r2.random() == R(7).getstate() and 0 or r2.getstate()[-1])
big = R(3).getrandbits(1000)
print(big.bit_length() <= 1000, big % 1000003)
show('neg bits', lambda: R(0).getrandbits(-1))
show('float bits', lambda: R(0).getrandbits(1.0))
show('state int', lambda: R(0).setstate(1))
show('state size', lambda: R(0).setstate((1,) * 3))
show('state index', lambda: R(0).setstate((1,) * 624 + (625,)))
show('state neg', lambda: R(0).setstate((-1,) * 624 + (0,)))
show('args', lambda: R(1, 2))
show('kwargs', lambda: R(x=1))
show('seed args', lambda: R(0).seed(1, 2))
show('seed kw', lambda: R(0).seed(n=3))
show('unhashable', lambda: R([1]))
show('descr', lambda: R.random(3))
s = R(0)
s.setstate(tuple([2**32 + 5] * 624) + (624,))
print(s.getstate()[0], s.random())


class Sub(R):
    def __init__(self, a, b):
        self.total = a + b


class Seeded(R):
    def __init__(self, x=None, **kw):
        self.seed(x)
        self.kw = kw


s = Sub(1, 2)
print(s.total, s.random(), isinstance(s, R))
t = Seeded(42, tag='t')
print(t.kw, t.random() == R(42).random(), t.getrandbits(8))


class Mine(R):
    def random(self):
        return 2 * super().random()


print(Mine(42).random() == 2 * R(42).random(), type(Mine(1)).__mro__[1].__name__)
print(R.__name__, R.__module__)
