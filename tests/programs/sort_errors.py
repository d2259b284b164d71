# Sorting when the key function fails or mutates the list being sorted.
data = [3, 1, 2, 0, 5]
def picky(v):
    if v == 0:
        raise ValueError("zero has no key")
    return -v
try:
    data.sort(key=picky)
except ValueError as e:
    print("ValueError:", e, data)
print(sorted([3, 1, 2], key=picky), data)
victim = [3, 1, 2]
def meddle(v):
    victim.append(v)
    return v
try:
    victim.sort(key=meddle)
except ValueError as e:
    print("ValueError:", e)
print(sorted(victim) == sorted(victim), len(victim) >= 3)
try:
    max([1, 2], key=lambda v: 1 / (v - 2))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(sorted("bca", key=str.upper), sorted([(1, "b"), (1, "a")], key=lambda t: t[0]))
