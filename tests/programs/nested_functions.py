# Functions as values: passing, returning, storing in containers, recursion with memo dicts.
def apply(f, *args):
    return f(*args)

def twice(f):
    def g(x):
        return f(f(x))
    return g

def inc(x):
    return x + 1

print(apply(max, 3, 9, 2), apply(inc, 1), twice(inc)(5), twice(twice(inc))(0))
table = {"inc": inc, "double": lambda v: v * 2, "neg": lambda v: -v}
print([table[name](10) for name in ["inc", "double", "neg"]])
memo = {}
def fib(n):
    if n in memo:
        return memo[n]
    r = n if n < 2 else fib(n - 1) + fib(n - 2)
    memo[n] = r
    return r
print(fib(90), len(memo))
def make_pipeline(*funcs):
    def run(v):
        for f in funcs:
            v = f(v)
        return v
    return run
print(make_pipeline(inc, lambda v: v * 3, str, len)(33))
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3))
def hanoi(n, a, b, c, moves):
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append(a + c)
        hanoi(n - 1, b, a, c, moves)
    return moves
print(hanoi(3, "A", "B", "C", []))
