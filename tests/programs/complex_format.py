# format(), str() and f-strings of complex numbers.
def attempt(spec, z):
    try:
        print(repr(spec), repr(format(z, spec)))
    except Exception as e:
        print(repr(spec), type(e).__name__, e)


values = [1 + 2j, 1.5j, -1.5j, 3 - 4j, complex(1e16, -1e-5), complex(float("inf"), float("nan"))]
for z in values:
    for spec in ["", ".2f", "10", "<20", "^20.3e", "+", " ", ".3", "g", ">16", "*^18.1f", "#g",
                 "E", "G", "n", ",.2f", "_.1f"]:
        attempt(spec, z)
for spec in ["=10", "010", "d", "x", "%", "s"]:
    attempt(spec, 1j)
print(str(1 + 2j), f"{2j}", f"{1 - 1j:.1f}", f"{1 + 1j!r}", "%s" % (1j,), "{}".format(3 + 0j))
