# Operator precedence and associativity, checked through the values of unparenthesised expressions.
a, b, c, d = 2, 3, 4, 5
print(-2 ** 2, (-2) ** 2, 2 ** -1, -a ** -b, ~-1, -~1, not a == b, not a < b < c)
print(1 + 2 * 3 ** 2 // 4 % 5 << 1 & 0xff | 1 ^ 2)
print(a + b * c - d / a, a * b % c, a ** b ** 2 // c, -a // b, -(a // b), a - b - c, a / b / c)
print(a < b == b < c, a < b > c, 1 in [1] in [[1]], not 1 in [2], not 1 not in [1])
print(a if b > c else c if d > c else b, (lambda: a if a else b)(), a or b and 0, (a or b) and 0)
print(1 < 2 and 3 or 4, 0 and 1 or 2, not 0 and 1, not (0 and 1), 1 & 3 == 1, (1 & 3) == 1)
print(a | b & c, (a | b) & c, a ^ b | c, a << 1 + 1, (a << 1) + 1, 2 * 3 ** 2, (2 * 3) ** 2)
print(-3 % 5, -(3 % 5), 7 // 2 * 2, 7 // (2 * 2), 2 ** 3 ** 0, (2 ** 3) ** 0)
x = [1, 2, 3]
print(x[1:] + x[:1] * 2, -x[0] ** 2, not x[0], x[-1] // -2)
print(a if a > b else (b if b > c else c), [i for i in range(5) if i % 2 if i > 1], (1, 2) + (3,) * 2)
