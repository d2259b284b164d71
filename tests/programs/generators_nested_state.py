# Many live generators at once, each with its own frame state; nonlocal state via closures.
def counter(start, step):
    n = start
    while True:
        yield n
        n += step

gens = [counter(i, i + 1) for i in range(4)]
for _ in range(3):
    print([next(g) for g in gens])
def make():
    count = 0
    def gen():
        nonlocal count
        for i in range(3):
            count += 1
            yield i
    return gen, lambda: count
gen, get = make()
a = gen()
b = gen()
print(next(a), next(b), next(a), get(), list(b), get())
def chain(*its):
    for it in its:
        yield from it
print(list(chain("ab", range(2), [None])))
def depth(n):
    if n:
        yield from depth(n - 1)
    yield n
print(sum(depth(300)), list(depth(3)))
