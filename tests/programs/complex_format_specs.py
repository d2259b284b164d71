# format() of complex numbers: an unknown type is reported before the flags it cannot take;
# without a type, a precision formats the parts as 'g' and '#' keeps the point.
specs = ["", "#", ".0", "+.0", ".3", "#.3", ".2f", "e", "+g", ">20", "^20.1f", "*<16", "010d",
         "+08d", "010", "=10", "x", "n", ".4n", " ", "-"]
for z in (3 + 4j, -1.5 - 2j, 2j, -0.0 + 1j, 1e16 + 1e-5j, complex("inf"), complex(1, float("nan"))):
    for s in specs:
        try:
            r = format(z, s)
        except ValueError as e:
            r = "ValueError: %s" % e
        print(repr(z), repr(s), repr(r))
print(f"{1+2j:.1}", f"{1.5+2.25j:#}", "{:>10.2}".format(0.125 + 1j))
