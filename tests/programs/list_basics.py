# list methods: append, extend, insert, pop, remove, index, count, reverse, sort, copy, clear.
a = [3, 1, 4]
a.append(1)
a.extend([5, 9])
a.extend(range(2))
a.insert(0, 100)
a.insert(-1, 200)
a.insert(99, 300)
print(a, len(a))
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
print(a, a.index(4), a.count(1), a.index(9, 2))
a.reverse()
print(a)
a.sort()
print(a)
a.sort(reverse=True)
print(a)
words = ["pear", "Apple", "fig", "banana"]
words.sort(key=len)
print(words)
words.sort(key=str.lower)
print(words)
c = a.copy()
c.append(-1)
print(a, c, a == c[:-1])
c.clear()
print(c, [] == c, [0] * 3, [[0] * 2] * 2, list(), list("ab"))
x = [1, 2]
x += [3]
x *= 2
print(x, x + [9], [1, [2, [3, []]]], sum([[1], [2]], []))
del x[0]
print(x, 3 in x, x[1:], min(x), max(x))
