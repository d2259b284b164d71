# Integer arithmetic: the four operations, floor division and modulo with negative operands.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (6, 3), (1, 7)]
for a, b in pairs:
    print(a, b, a + b, a - b, a * b, a // b, a % b, a / b)
print(2 ** 10, 2 ** 0, (-2) ** 3, -2 ** 2, 3 ** -1)
print(10 - 3 - 2, 2 ** 3 ** 2, 100 // 7 * 7 + 100 % 7)
print(-(-5), +5, -0, abs(-12))
x = 17
x += 3
x -= 1
x *= 2
x //= 3
x %= 7
x **= 3
print(x)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
print(int(True) + 1, True + True, False * 10)
