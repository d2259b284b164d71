# Big integers: floor division and modulo signs, bit operations on negatives, pow variants.
a = 2 ** 100 + 12345
b = -(3 ** 50)
for x, y in [(a, 97), (-a, 97), (a, -97), (-a, -97), (a, b), (b, a), (-a, b), (a * a, a + 1)]:
    print(x // y, x % y, divmod(x, y) == (x // y, x % y))
print((-2 ** 100) & (2 ** 70 - 1), (-2 ** 100) | 5, (-2 ** 100) ^ (2 ** 99), ~(-2 ** 100))
print(-2 ** 100 >> 3, (-5) >> 100, 5 >> 100, 1 << 200 >> 199, (-1) << 70, -(2 ** 64) >> 64)
print(pow(3, 4, -5), pow(2, -1, 7), pow(-2, 101, 10 ** 9), pow(10, 30, 7), pow(5, 0, 1))
print(str(2 ** 1000)[:30], len(str(2 ** 1000)), len(str(-(10 ** 200))), int("9" * 300) % 1000007)
print(abs(b), -b, +b, b * 0, b ** 2 == 3 ** 100, (2 ** 64) ** 3 == 2 ** 192)
print(hex(2 ** 100), oct(-(2 ** 65)), bin(2 ** 70 + 1)[:12], (2 ** 100).bit_length(), (-2 ** 100).bit_length())
print(10 ** 18 * 10 ** 18, (10 ** 36) // (10 ** 18), 10 ** 36 % 999999999999, -(10 ** 36) // 7)
print(sum(range(10 ** 6, 10 ** 6 + 100)) * 2 ** 64, max(2 ** 65, 2 ** 64 + 2 ** 63), min(-2 ** 65, 3))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
