# repr, str and several format specs for floats spread over many magnitudes.
vals = []
for exp in range(-20, 23, 3):
    for mant in [1.0, 1.5, 2 / 3, 9.999]:
        vals.append(mant * 10.0 ** exp)
vals += [0.1, 0.2, 0.3, 1 / 3, 2 ** 0.5, 123456789.123456789, 5e-324, 1.7976931348623157e308]
for v in vals:
    print(repr(v), str(-v), f"{v:.17g}", f"{v:.3e}", f"{v:.4g}", f"{v:g}", f"{v:.2f}" if abs(v) < 1e16 else "-")
