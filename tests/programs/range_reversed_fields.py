# reversed() of ranges: machine-int fields near the 64-bit limits (where the iterator's own
# bounds no longer fit and big ints take over), empty and one-item ranges, every step sign,
# the iterator type CPython picks (machine-int or long) and partially consumed iterators.

LIMIT = 2**63


def show(r, take=6):
    it = reversed(r)
    head = []
    for _ in range(take):
        try:
            head.append(next(it))
        except StopIteration:
            break
    rest = list(it) if abs(r.stop - r.start) < 100 else [next(it, None) for _ in range(2)]
    print(repr(r), type(it).__name__, head, rest[-3:], r.stop - r.start)


for r in [
    range(0), range(1), range(5), range(-5), range(3, 4), range(4, 3),
    range(0, 10, 3), range(0, 10, -3), range(10, 0, -3), range(10, 0, 3),
    range(-7, 7, 2), range(7, -7, -2), range(5, 5, -1), range(-1, -10, -4),
    range(LIMIT - 3, LIMIT - 1), range(-LIMIT, -LIMIT + 3), range(-LIMIT + 1, -LIMIT + 4),
    range(LIMIT - 1, LIMIT - 4, -1), range(-LIMIT + 3, -LIMIT, -1),
    range(-LIMIT, LIMIT - 1, LIMIT - 1), range(LIMIT - 1, -LIMIT, -(LIMIT - 1)),
    range(0, 1, LIMIT - 1), range(0, -1, -LIMIT), range(-1, 0, LIMIT - 1),
    range(-LIMIT, LIMIT - 1), range(LIMIT - 1, -LIMIT, -1),
    range(LIMIT - 2, LIMIT), range(LIMIT, LIMIT + 3), range(-LIMIT - 2, -LIMIT + 1),
    range(0, 2 * LIMIT, LIMIT), range(0, 5, 2 * LIMIT), range(5, 0, -2 * LIMIT),
]:
    show(r)

it = reversed(range(10, 0, -2))
print(next(it), next(it))
print(list(it), list(it), next(it, "end"))

it = reversed(range(-LIMIT, -LIMIT + 3))
print(type(it).__name__, next(it))
print(list(it))

it = reversed(range(LIMIT - 3, LIMIT))
print(type(it).__name__, list(it))

n = 0
for k in range(200):
    for i in reversed(range(k % 9)):
        n += i * (k + 1)
print(n)
print(sum(reversed(range(-1000, 1000, 7))), sum(reversed(range(1000, -1000, -7))))
print([list(reversed(range(a, b, c))) for a in (-2, 0, 3) for b in (-3, 1, 4) for c in (-2, -1, 1, 2)])
print(list(reversed(range(True, 4))), list(reversed(range(0, 6, True))))
