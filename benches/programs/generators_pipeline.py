# Generators: a lazy pipeline of generator functions and generator expressions.
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(it):
    for x in it:
        yield x * x


def only_odd(it):
    for x in it:
        if x & 1:
            yield x


def windows(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield sum(buf)
            buf = []


total = 0
for rep in range(18):
    total += sum(windows(only_odd(squares(numbers(150000))), 4))
    total += sum(x % 7 for x in range(100000) if x % 3)
print("generator checksum", total)
