# sorted (key, reverse, stability), min/max (key, default, several arguments), sum, any, all.
words = ["banana", "Apple", "cherry", "date", "fig", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted(words, key=len, reverse=True), sorted([3, 1, 2], reverse=True))
records = [("b", 2), ("a", 2), ("c", 1), ("d", 3), ("e", 1)]
print(sorted(records, key=lambda r: r[1]), sorted(records, key=lambda r: (-r[1], r[0])))
print(sorted("hello"), sorted((3, 1)), sorted({3: "c", 1: "a"}), sorted({5, 2, 9}), sorted([]))
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("abc"), min("b", "a", "c"))
print(min(words, key=len), max(words, key=len), max([], default="none"), min([], default=0))
print(max([1, 5, 5, 2], key=lambda x: x), max([(1, "a"), (1, "b")]), min([[2], [1, 9]]))
print(max(records, key=lambda r: r[1]), min(records, key=lambda r: r[1]))
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.5, 0.25]), sum(range(5), start=100), sum([]))
print(any([0, "", None]), any([0, 1]), all([1, "a", [0]]), all([1, 0]), any([]), all([]))
print(any(x > 3 for x in range(5)), all(x < 3 for x in range(5)))
nums = [5, -3, 2, -8, 7]
print(sorted(nums, key=abs), max(nums, key=abs), min(nums, key=lambda n: (n % 3, n)))
print(sorted([1.5, 1, True, 0.5]), sorted([[3, 1], [2], [2, 1]]))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
