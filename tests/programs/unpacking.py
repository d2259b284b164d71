# Assignment forms: tuple and list unpacking, starred targets, nested targets, chained.
a, b = 1, 2
a, b = b, a
print(a, b)
[c, d] = "xy"
print(c, d)
first, *rest = [1, 2, 3, 4]
*init, last = range(5)
head, *mid, tail = "abcde"
print(first, rest, init, last, head, mid, tail)
x, *empty, y = (1, 2)
print(x, empty, y)
(p, q), r = (1, 2), 3
(s, (t, u)), v = ("s", ("t", "u")), "v"
print(p, q, r, s, t, u, v)
i = j = k = [0]
i.append(1)
print(i, j, k, i is k)
m = n = 5
m += 1
print(m, n)
for idx, (key, val) in enumerate([("a", 1), ("b", 2)]):
    print(idx, key, val)
lst = [0, 0, 0]
lst[0], lst[2] = "L", "R"
print(lst)
data = {}
data["a"], data["b"] = divmod(17, 5)
print(data)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
print([*range(3), *"ab"], (*[1, 2], 3), {**{"a": 1}, "b": 2}, {*[1, 2], 3})
