# Signed zeros through floor division, modulo, divmod, powers, rounding, formatting, min/max.
print(divmod(-0.0, 1), -0.0 % 1, 0.0 // -1, -0.0 // 1, 5.5 % -2, -5.5 % 2)
print(abs(-0.0), -0.0 == 0.0, str(0.0 * -1), (-0.0) ** 2, 0.0 ** 0, pow(-0.0, 3))
print(int(-0.0), round(-0.0, 1), f"{-0.0:+.1f}", max(0.0, -0.0), min(0.0, -0.0))
