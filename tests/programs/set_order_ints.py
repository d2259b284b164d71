# CPython's iteration order for sets of ints: collisions, negatives, growth and removal.
print({5, 13, 21, 29}, {8, 0, 16, 32, 64}, {-1, -2, -3, 1, 2, 3})
s = set()
for n in [100, 3, 55, 8, 21, 34, 1, 89, 144, 2, 0, 13]:
    s.add(n)
print(s)
for n in [55, 3, 144]:
    s.remove(n)
print(s)
s.add(3)
s.add(1000)
print(s)
big = set(range(0, 200, 7))
print(big)
print({2 ** 40, 2 ** 33, 7, 2 ** 61 - 1, 2 ** 61, -(2 ** 61)})
print(set([9, 8, 7, 6, 5, 4, 3, 2, 1, 0, -1]), {x * 1000 for x in range(12)})
u = {1, 9, 17} | {25, 33, 2}
print(u, u & {33, 1, 25}, u - {1}, {33, 1} ^ {1, 2})
print(list({3, 1, 2}), tuple({10, 40, 20}), sorted({-5, 5, 0}))
