# The math module: constants and the common functions, with their result types.
import math
print(math.pi, math.e, math.inf, -math.inf, math.inf > 10 ** 300)
print(math.sqrt(16), math.sqrt(2), math.floor(2.7), math.floor(-2.5), math.ceil(2.1), math.ceil(-2.1))
print(type(math.floor(1.5)).__name__, type(math.sqrt(4)).__name__, math.floor(5), math.ceil(10 ** 20))
print(math.fabs(-3), math.fabs(2.5), math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.gcd(2 ** 80, 6 ** 40))
print(math.isqrt(17), math.isqrt(10 ** 30), math.isqrt(0))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 12), round(math.cos(math.pi), 12))
print(math.exp(0), math.exp(1), math.log(math.e), math.log(1), math.log(8, 2), math.log(100, 10))
print(math.sin(1), math.cos(1), math.exp(2.5), math.log(10))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
try:
    math.isqrt(-1)
except ValueError as e:
    print("ValueError:", e)
print(math.floor(-0.5), math.ceil(-0.5), math.sqrt(0.25), math.pi * 2)
