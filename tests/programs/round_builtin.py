# round(): banker's rounding to int, ndigits on floats and ints, result types.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 2.4, 2.6, -2.6]:
    print(v, round(v), type(round(v)).__name__)
print(round(3.14159, 2), round(2.675, 2), round(1.005, 2), round(-3.14159, 3))
print(round(1234.5678, -2), round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(7, 0), type(round(7, 0)).__name__, round(7.0, 0), type(round(7.0, 0)).__name__)
print(round(0.125, 2), round(0.375, 2), round(1e20), round(5, 3))
print(round(123.456, 1), round(123.456, 0), round(0.1 + 0.2, 10))
