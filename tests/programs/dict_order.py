# dict order: overwriting keeps the position, delete + reinsert moves to the end.
d = {}
for k in [5, 3, 9, 1, 7]:
    d[k] = k * k
print(d)
d[3] = "three"
print(d)
del d[5]
d[5] = "again"
print(d)
print(list(d.keys()), list(reversed(list(d))), next(iter(d)))
for i in range(20):
    d[i] = i
for i in range(0, 20, 2):
    del d[i]
print(d)
words = "the quick brown fox jumps over the lazy dog the end".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts)
inverted = {}
for w, c in counts.items():
    inverted.setdefault(c, []).append(w)
print(inverted)
big = {i * 7919 % 1000: i for i in range(200)}
print(len(big), list(big.items())[:5], list(big)[-3:])
try:
    for k in d:
        d[k + 100] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
