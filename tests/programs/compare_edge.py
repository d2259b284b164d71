# Comparison edge cases: NaN, identity shortcut in containers, mixed-type errors, lexicographic.
nan = float("nan")
print(nan == nan, nan != nan, nan < 1, nan > 1, [nan] == [nan], (nan,) == (nan,), nan in [nan])
print([1, 2] < [1, 2, 3], [2] > [1, 9, 9], (1, "a") < (2, 0), "a" < "ab" < "b", [] < [0])
print((1, 2) == (1, 2.0), [1, [2, 3]] == [1, [2, 3]], {1: [2]} == {1: [2]}, [1] != [1.0])
for a, b in [(None, 1), ("1", 1), ([1], (1,)), ({}, {})]:
    try:
        print(a < b)
    except TypeError as e:
        print("TypeError:", e)
print(1 == "1", None == 0, [] == (), {} == [], 0 == 0.0 == False, "" == b"")
print(max("apple", "Apple", "banana"), min([3, 1], [2, 9]), sorted([(2, "b"), (1, "z"), (2, "a")]))
print(1 < 2 == 2 > 1, (1 < 2) == (2 > 1), not 1 == 2, not (1 == 2) is True)
