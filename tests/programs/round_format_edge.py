# Rounding in round() and in format(): half-even on exact binary values, negative ndigits.
print(round(-0.0), round(-0.4), round(-0.6), round(1e300, 2), round(12345, -10), round(-12345, -1))
print(round(0.125, 2), round(0.375, 2), round(2.675, 2), round(1.005, 2), round(-2.5), round(5e-20, 20))
print(f"{0.125:.2f} {0.375:.2f} {2.5:.0f} {3.5:.0f} {1.005:.2f} {-0.5:.0f} {0.05:.1f} {0.15:.1f}")
print(round(1234.5), round(1235.5), round(-1234.5), round(10 ** 20 + 0.5), type(round(2.0)).__name__)
print(round(123.456, -1), round(125, -1), round(135, -1), round(-125, -1), round(7, -1))
print(round(float("inf"), 2), round(0.1 + 0.2, 15), round(1 / 3, 5), round(2 / 3, 0))
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError:", e)
