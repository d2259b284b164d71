# Closures: captured variables, nonlocal counters, late binding, cells shared between functions.
def counter(start):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get

inc, get = counter(10)
print(inc(), inc(5), get())
inc2, get2 = counter(0)
print(inc2(), get(), get2())

def make_multipliers():
    return [lambda x: x * i for i in range(4)]
print([m(2) for m in make_multipliers()])

def make_multipliers_bound():
    return [lambda x, i=i: x * i for i in range(4)]
print([m(2) for m in make_multipliers_bound()])

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "changed"
    return middle()()
print(outer())

def accumulate():
    total = []
    def add(v):
        total.append(v)
        return sum(total)
    return add
acc = accumulate()
print(acc(1), acc(2), acc(3))

def param_cell(n):
    def f():
        return n + 1
    n = n * 10
    return f()
print(param_cell(4))
