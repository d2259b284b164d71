# Set iteration order after heavy churn: removals leave dummies, growth and shrinking rehash.
s = set()
for i in range(100):
    s.add(i * 37 % 211)
for i in range(0, 211, 2):
    s.discard(i)
print(len(s), list(s)[:20])
for i in range(300, 340):
    s.add(i)
print(list(s)[-15:])
t = set(range(1000))
for i in range(1000):
    if i % 7:
        t.remove(i)
print(t)
u = {x * 2 ** 32 for x in range(10)}
print(u)
v = set()
for i in [5, 13, 21, 29, 37, 45]:
    v.add(i)
v.remove(13)
v.add(53)
v.add(13)
print(v, v.pop(), v)
