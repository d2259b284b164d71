# Set order for floats and tuples of ints: it follows CPython's float and tuple hashes.
print({0.5, 1.5, 2.25, -3.75, 100.125})
print({(1, 2), (3, 4), (0, 0), (-1, 5), (2, 1)})
print({1.0, 2, 3.5, (1,), ()})
print({(i, i * i) for i in range(6)})
print(sorted({(2, 1), (1, 2)}), len({0.1 + 0.2, 0.3}), {-0.0, 0.0}, {float("inf"), 1e308})
