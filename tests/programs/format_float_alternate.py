# Float format corner cases: alternate forms (#), precision 0, 'n', zero padding with signs,
# and the 'z' option (3.11) that turns negative zero into zero.
vals = [0.0, -0.0, 1.0, 123.456, -0.00001234, 1e20, 2.5, 0.5]
specs = ["#g", "#.0f", "#.0e", ".0g", ".0%", "n", "010.3f", "+010.2e", "-^+12.3g", "z.1f", "z.0f", "#.3g"]
for v in vals:
    print(repr(v), [format(v, s) for s in specs])
print(format(-0.0001, "z.2f"), format(-0.4, "z.0f"), format(-1.0, "z.0f"), f"{-0.0:z}")
print(format(1234567.891, ",.2f"), format(1234567.891, "_.3e"), format(0.000001, ",g"), format(1e6, ",.0f"))
