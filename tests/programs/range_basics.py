# range: arguments, negative steps, len, indexing, slicing, membership, repr, reversal.
print(list(range(5)), list(range(2, 8)), list(range(0, 20, 5)), list(range(10, 0, -3)))
print(list(range(0)), list(range(5, 2)), list(range(-5, -1)), list(range(3, -4, -2)))
r = range(1, 20, 3)
print(r, len(r), r[0], r[-1], r[2], r[1:4], r[::-1], r[::2])
print(7 in r, 8 in r, r.index(10), r.count(4), range(0, 10, 2) == range(0, 9, 2))
print(range(10), range(1, 5), range(3, 0, -1), repr(range(0, 6, 2)))
print(list(reversed(range(4))), sum(range(101)), max(range(7)), min(range(3, 9)))
print(len(range(0, 100, 7)), len(range(10, 0, -1)), len(range(0, -5)), bool(range(0)))
for i in range(3):
    for j in range(i):
        print(i, j)
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(5)[5]
except IndexError as e:
    print("IndexError:", e)
print(list(range(10 ** 20, 10 ** 20 + 3)))
