# __call__: callable instances used as functions, keys, and stateful counters.
class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x):
        return x + self.n

class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
        self.misses = 0

    def __call__(self, *args):
        if args not in self.cache:
            self.misses += 1
            self.cache[args] = self.fn(*args)
        return self.cache[args]

add5 = Adder(5)
print(add5(1), list(map(add5, [1, 2])), sorted([3, -10, 1], key=Adder(0)))
slow_sq = Memo(lambda x: x * x)
print([slow_sq(i % 3) for i in range(9)], slow_sq.misses)
@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.misses, callable(add5), callable(5), callable(Adder))
