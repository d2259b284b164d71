# list.sort and sorted: stability across passes, keys with tuples, reverse keeps stability.
people = [("alice", 30, "nyc"), ("bob", 25, "sf"), ("carol", 30, "sf"), ("dave", 25, "nyc"),
          ("eve", 35, "sf"), ("frank", 30, "nyc")]
by_city = sorted(people, key=lambda p: p[2])
by_age_then_city = sorted(by_city, key=lambda p: p[1])
print([p[0] for p in by_age_then_city])
print([p[0] for p in sorted(people, key=lambda p: (p[2], -p[1], p[0]))])
print([p[0] for p in sorted(people, key=lambda p: p[1], reverse=True)])
nums = [5, 3, 8, 1, 9, 2, 7]
nums.sort(key=lambda n: n % 3)
print(nums)
data = list(range(20))
data.sort(key=lambda n: (n * 7) % 5)
print(data)
strings = ["b10", "a2", "b2", "a10", "a1"]
print(sorted(strings), sorted(strings, key=lambda s: (s[0], int(s[1:]))))
big = [(i * 7919) % 101 for i in range(300)]
big.sort()
print(big[:10], big[-5:], big == sorted(big))
