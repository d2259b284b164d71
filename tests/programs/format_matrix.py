# format() over a grid of values and specs, printing each result or the ValueError raised.
values = [0, 42, -42, 2 ** 70, 3.0, -0.5, 1234.5678, 1e-7, 1e22, float("nan"), True, "text"]
specs = ["", "d", "5d", "<6", ">6", "^7", "+", " ", ",", "_", "x", "#X", "o", "b", "c", "e",
         ".2e", "f", ".0f", ".3f", "g", ".3g", "%", ".1%", "08.2f", "=+9", "*^9", "s", "r"]
for v in values:
    cells = []
    for spec in specs:
        try:
            cells.append(repr(format(v, spec)))
        except (ValueError, TypeError, OverflowError) as e:
            cells.append(type(e).__name__ + "(" + str(e) + ")")
    print(repr(v))
    for spec, cell in zip(specs, cells):
        print("   ", repr(spec), cell)
