# Sets of ints: CPython's iteration order for small ints, operators and methods.
s = {3, 1, 2, 3, 1}
print(s, len(s), 2 in s, 5 in s, set(), set([5, 4, 4]), set(range(6)))
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([7]), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < a, a >= {1}, a.issubset(b), a.isdisjoint({9}), {1} == {1})
a.add(10)
a.discard(1)
a.discard(99)
a.remove(2)
print(a)
try:
    a.remove(99)
except KeyError as e:
    print("KeyError:", e)
c = {x * x for x in range(-3, 4)}
print(c, sorted(c), sum(c), max(c))
c.update([100, 0])
c |= {50}
c &= {0, 1, 4, 50, 100}
c -= {4}
print(c, c.pop() in {0, 1, 50, 100}, len(c))
print(set("aabbcc") == {"a", "b", "c"}, sorted({"b", "a"}), {-1, -2, 0})
print({17, 33, 1, 49}, {8, 16, 0, 24}, {1000, 7, 300})
d = set()
d.add(1)
d.clear()
print(d, bool(d), {1, 2}.copy(), {x % 5 for x in range(100)})
