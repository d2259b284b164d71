# f-strings: conversions, width/alignment, integer and float specs, nested specs.
n = 42
neg = -7
pi = 3.14159265
name = "Ada"
print(f"{name!r} {name!s} {name} {[name]!s} {name!a}")
print(f"[{name:>6}] [{name:<6}] [{name:^7}] [{name:*^9}] [{name:<3}] [{name:.2}]")
print(f"[{n:3d}] [{n:05d}] [{neg:05d}] [{n:<5d}] [{n:+d}] [{neg:+d}] [{n: d}]")
print(f"[{pi:.2f}] [{pi:.6f}] [{pi:10.3f}] [{-pi:.1f}] [{pi:.0f}] [{2.5:.0f}] [{1e10:.2f}]")
print(f"[{255:x}] [{255:X}] [{255:#x}] [{5:b}] [{5:08b}] [{8:o}] [{255:#o}] [{-255:x}]")
print(f"[{1234567:,}] [{1234567.891:,.2f}] [{-1234:,}] [{100:,}] [{10**12:,}]")
print(f"[{0.5:%}] [{0.25:.1%}] [{12345.678:e}] [{12345.678:.2e}] [{0.00012:g}] [{1234567.0:g}]")
w = 8
p = 3
print(f"[{pi:{w}.{p}f}] [{name:>{w}}] [{n:0{w}d}]")
print(f"{n}{n}{'lit'}{n + 1}{n * 2!r}", f"{{braces}}", f"{'nested ' + name}")
print(f"{3.0}", f"{1e16}", f"{0.1 + 0.2}", f"{None}", f"{True}", f"{[1, 'a']}", f"{(1,)}")
print(f"{n:d}", f"{n:}", f"{pi}", f"{-0.0}", f"{n:>{p}}", f"{'x':5}|", f"{7:5}|")
