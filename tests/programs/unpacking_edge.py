# Unpacking edge cases: starred targets in for loops, assignment order, swapping subscripts.
for first, *rest in [(1, 2, 3), (4,), "xy"]:
    print(first, rest)
for (a, b), *c in [((1, 2), 3, 4)]:
    print(a, b, c)
x = [10, 20, 30]
i, j = 0, 2
x[i], x[j] = x[j], x[i]
print(x)
i = 0
i, x[i] = 1, "set"
print(i, x)
k = 0
k = x[k] = 2
print(k, x)
p, q, r = (n * n for n in range(3))
s, t = {"key1": 1, "key2": 2}
print(p, q, r, s, t)
*head, (m, n) = [1, 2, (3, 4)]
print(head, m, n)
[[u]] = [[7]]
(v,) = [8]
print(u, v)
w = [0, 0]
w[0] = w[1] = "both"
print(w)
