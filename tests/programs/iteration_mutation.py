# Mutating containers while iterating: lists skip or extend, dicts and sets raise RuntimeError.
items = [1, 2, 3, 4, 5, 6]
for x in items:
    if x % 2 == 0:
        items.remove(x)
print(items)
grow = [1, 2]
for x in grow:
    if x < 5:
        grow.append(x + 2)
print(grow)
d = {1: "a", 2: "b"}
for k in d:
    d[k] = d[k].upper()
print(d)
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print("RuntimeError:", e)
s = {1, 2, 3}
try:
    for v in s:
        s.add(v + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
nums = list(range(10))
for i in range(len(nums) - 1, -1, -1):
    if nums[i] % 3 == 0:
        del nums[i]
print(nums)
