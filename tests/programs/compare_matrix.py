# == and < across a grid of values of different types, printing results or the TypeError.
values = [0, 1, -1, 2 ** 70, 0.5, float("inf"), True, None, "", "a", "B", b"a", (), (1,), (1, "a"),
          [], [1], [1, 2], {}, {1: 2}, set(), {1}, range(2)]
for a in values:
    eq = []
    lt = []
    for b in values:
        eq.append("T" if a == b else ".")
        try:
            lt.append("T" if a < b else ".")
        except TypeError as e:
            lt.append("E")
    print(repr(a).ljust(24), "".join(eq), "".join(lt))
try:
    {1} < [1]
except TypeError as e:
    print("TypeError:", e)
try:
    (1, 2) < (1, "2")
except TypeError as e:
    print("TypeError:", e)
print({1, 2} < {1, 2, 3}, {1} <= {1}, {2} > set(), [1, 2] <= [1, 2], "abc" >= "abd", (1, 2) >= (1,))
