# List slicing with steps, negative indices, slice assignment and deletion.
a = list(range(10))
print(a[2:7], a[:3], a[7:], a[-3:], a[:-7], a[::3], a[1::2], a[::-1], a[8:2:-2], a[-1:-4:-1])
print(a[100:], a[-100:2], a[5:2], a[::-4], a[3:-3:2])
b = a[:]
b[2:5] = ["x", "y"]
print(b)
b[1:1] = [0.5, 0.75]
print(b)
b[::2] = [None] * len(b[::2])
print(b)
c = list(range(10))
del c[::3]
print(c)
del c[1:3]
print(c)
c[len(c):] = [97, 98]
c[:0] = [-1]
print(c)
d = [1, 2, 3]
d[-1] = 30
d[0] += 10
print(d, d[-3], d[-1])
try:
    d[::2] = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    d[3]
except IndexError as e:
    print("IndexError:", e)
try:
    d[-4] = 0
except IndexError as e:
    print("IndexError:", e)
