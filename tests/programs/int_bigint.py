# Arbitrary-precision integers: growth past 64 bits, mixed signs, division and conversions.
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

print(fact(30))
print(fact(50))
big = 2 ** 200
print(big)
print(-big)
print(big + 1, big - 1)
print(big * big)
print(big // 3, big % 3)
print(-big // 7, -big % 7)
print(big // -12345678901234567890, big % -12345678901234567890)
print(2 ** 64 - 1, 2 ** 63, -(2 ** 63), -(2 ** 63) - 1)
print(9223372036854775807 + 1)
print(-9223372036854775808 - 1)
print(9223372036854775807 * 9223372036854775807)
print(3 ** 100)
print(str(10 ** 30), len(str(10 ** 30)))
print(int("123456789012345678901234567890") * 2)
print(10 ** 20 == 100000000000000000000, 2 ** 100 > 2 ** 99, -(2 ** 100) < 0)
print(abs(-(10 ** 25)), pow(2, 100, 10 ** 9 + 7), pow(3, 200, 1000))
print(divmod(10 ** 25, 10 ** 12 + 3))
print(fact(25) // fact(23), (2 ** 100) // (2 ** 98))
print(2 ** 100 / 2 ** 99)
n = 1
for i in range(70):
    n = n * 3 + 1
print(n, n.bit_length())
