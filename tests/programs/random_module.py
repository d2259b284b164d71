# random over the native _random: CPython's sequences for the same seed, every function.
import random

random.seed(42)
print([random.random() for _ in range(3)], random.randint(1, 100), random.randrange(0, 1000, 7))
print(random.choice('abcdefg'), random.choices(range(10), k=5), random.sample(range(100), 5))
x = list(range(10))
random.shuffle(x)
print(x, random.uniform(1, 2), random.triangular(0, 1, 0.2), random.gauss(0, 1), random.normalvariate(5, 2))
print(random.expovariate(1.5), random.betavariate(2, 3), random.gammavariate(2, 1), random.lognormvariate(0, 1))
print(random.vonmisesvariate(1, 2), random.paretovariate(3), random.weibullvariate(1, 2), random.getrandbits(70))
print(random.choices('abc', weights=[1, 5, 10], k=6), random.choices('abc', cum_weights=[1, 2, 3], k=3))
random.seed('hello')
print(random.random())
random.seed(b'bytes')
print(random.random())
random.seed(123, version=1)
print(random.random())
r = random.Random(7)
s = r.getstate()
a = [r.random() for _ in range(3)]
r.setstate(s)
print(a == [r.random() for _ in range(3)], r.randbytes(5))
