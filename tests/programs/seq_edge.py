# Sequence edge cases: negative repetition, zero steps, big ranges, inserts past the ends.
print("ab" * -1, [1] * -3, (1,) * 0, "x" * 3)
for seq in ["abc", [1, 2, 3], (1, 2, 3), range(3)]:
    try:
        seq[::0]
    except ValueError as e:
        print(type(seq).__name__, "ValueError:", e)
r = range(10 ** 20, 0, -10 ** 19)
print(len(r), list(r)[:3], r[-1], 10 ** 19 in r, 5 in r)
a = [1, 2, 3]
a.insert(-100, "first")
a.insert(100, "last")
a.insert(-1, "before last")
print(a)
b = list(range(10))
del b[::-2]
print(b)
c = list(range(6))
c[::-2] = "abc"
print(c)
print("abcdef"[::-2], "abcdef"[-2::-2], "abcdef"[10:0:-1], [0, 1, 2][5:-10:-1])
print(list(enumerate("ab", -5)), True << 3, -True, ~False)
try:
    min()
except TypeError as e:
    print("TypeError:", e)
try:
    [3, 1].sort(key=lambda v: 1 / (v - 1))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
