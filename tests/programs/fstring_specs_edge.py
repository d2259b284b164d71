# Less common format specs: fill characters, signs, grouping with _, e/g/% types, bools, ints as floats.
x = 1234.5678
print(f"[{'mid':=^11}] [{'r':#>4}] [{-42:=+8}] [{42:=8}] [{-3.5:010.2f}] [{7:+05d}]")
print(f"[{x:+.3e}] [{x:E}] [{-0.0:.1f}] [{1e300:.2e}] [{0.1:.20f}] [{x:_.2f}] [{10 ** 9:_}]")
print(f"[{255:_b}] [{3:#010b}] [{255:#06x}] [{-255:#x}] [{65535:_x}] [{2 ** 70:,}] [{-2 ** 70:x}]")
for v in [0.0001234, 123456789.0, 1e-05, 100000.0, 1e16, 3.0, 0.5, 1234567.0, -0.0, 1e-300]:
    print(f"{v:g} {v:.3g} {v:10.2g}|{v:.0e} {v:%}")
print(f"[{0.5:.0%}] [{True:d}] [{True}] [{False!r}] [{3:.2f}] [{7:e}] [{2 ** 60:.3e}] [{5:g}]")
print(f"[{'abc':.1}] [{'abc':5.2}] [{'x':^4}] [{'':>3}] [{12:x<5}] [{12:0>5}] [{-12:>+6}]")
print(format(3.14159, ".3f"), format(42, "08b"), format("s", "^5"), format(1e6, ","), format(0.25))
print(f"{float('inf'):f} {float('-inf'):.2f} {float('nan'):f} {float('inf'):e} {float('inf'):g} {float('inf'):>6}")
