# Comparisons between ints and floats are exact, even beyond 2**53 and past the float range.
big = 2 ** 53
print(big == float(big), big + 1 == float(big + 1), float(big + 1) == big, big + 1 > float(big))
print(10 ** 400 > 1e308, 10 ** 400 < float("inf"), -(10 ** 400) < -1e308, 10 ** 400 == float("inf"))
print(1 == 1.0, 0.1 == 1 / 10, 3 < 3.5 < 4, 2 ** 63 == 9.223372036854776e18, 2 ** 63 + 1 > 9.223372036854776e18)
print(max(1, 1.0), max(1.0, 1), min(2, 2.0), sorted([3, 2.5, 2, 1e0, True]))
print(5 // 2.0, -5 // 2.0, 5 % -2.0, 2 ** 0.5 * 2 ** 0.5 == 2, abs(2 ** 0.5 * 2 ** 0.5 - 2) < 1e-15)
print(float(2 ** 1023) * 2, int(1e308) == 10 ** 308, int(1e22) == 10 ** 22, int(1e23) == 10 ** 23)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    10 ** 400 / 1
except OverflowError as e:
    print("OverflowError:", e)
print(10 ** 400 // 10 ** 399, (10 ** 30) / (10 ** 28), 7 / 7, 2 ** 100 / 2 ** 100)
