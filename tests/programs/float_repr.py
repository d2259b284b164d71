# Shortest round-trip float repr and its exponent switch-over points.
vals = [0.1 + 0.2, 1e16, 1e15, 123456789012345.6, 1e-05, 0.0001, -0.0, 0.0, 1.0, 2.5,
        100.0, 1 / 3, 2 / 3, 1e22, 1e23, 1.5e300, 5e-324, 1.7976931348623157e308,
        123456789.0, 0.1, 0.5, 3.14159, -2.75, 1e100, 12345678901234567890.0, 9.999e15]
for v in vals:
    print(v, repr(v), str(v))
print(float("inf"), float("-inf"), -float("inf"), float("nan"))
print([0.1, -0.0, 1e16], (1.5,), {1: 2.0})
print(1e16 == 10 ** 16, 0.1 + 0.2 == 0.3, 1.0 == 1, -0.0 == 0.0)
print(float(10 ** 20), float(2 ** 60), float(-7))
