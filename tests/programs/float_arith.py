# Float arithmetic: true division, floor division and modulo with negatives, powers, mixing.
pairs = [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (-7.5, -2.0), (1.0, 3.0), (5, 0.5)]
for a, b in pairs:
    print(a + b, a - b, a * b, a / b, a // b, a % b)
print(7 / 2, -7 / 2, 6 / 3, 1 / 4, 10 / 4)
print(2.0 ** 10, 2 ** -1, 4 ** 0.5, (-8.0) ** 2, 2.0 ** -2)
print(0.1 * 3, 1.1 + 2.2, 3.0 * 1.1, 1e308 * 10, -1e308 * 10)
print(divmod(7.5, 2), divmod(-7.5, 2))
print(1 < 1.5 < 2, 2 == 2.0, 3 > 2.999, 10 ** 20 > 1e19, float("inf") > 10 ** 100)
x = 1.0
for i in range(10):
    x = x * 1.5 + 0.25
print(x)
print(abs(-2.5), abs(2.5), -(-0.0), round(2.5), round(3.5), round(-0.5))
print(float(" 1.5 "), float("-2"), float("1e3"), float("inf"), float("-Infinity"), float(".5"))
print(int(2.999), int(-2.999), float(3))
print(0.1 + 0.7, 0.3 - 0.1, 100 * 1.1)
print(sum([0.1] * 10), 1.0 - 0.9)
