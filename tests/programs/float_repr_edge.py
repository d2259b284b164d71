# Float repr at the edges: tiny and huge magnitudes, subnormals, the 1e16 switch, round trips.
vals = [1e-7, 1.5e-7, 0.000123, 0.0001, 123456789012345680.0, 9007199254740993.0,
        2.2250738585072014e-308, 5e-324, -1e-320, 1e15 + 0.3, 9999999999999998.0, 1e16 - 2,
        0.1 * 3, 4.35, 2 / 3 * 3, 1 - 1e-16, 1 + 2 ** -52, 255 / 256, 1e21, 1e-4, 12.0e2]
for v in vals:
    print(repr(v))
print(float("1e500"), float("-1e500"), 1e308 * 10 - 1e308 * 10 != 0)
ok = True
x = 0.7
for i in range(200):
    x = x * 1.37 % 1000 + 1e-3 / (i + 1)
    if float(repr(x)) != x:
        ok = False
print("round trip", ok, x)
print(1 / 7, 22 / 7, 100 / 3, 2 ** 0.5, 10 ** 0.5, 1e16 / 3, 123e-20)
