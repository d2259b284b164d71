# str.format with nested fields, conversions plus specs, attribute and index lookups.
class P:
    x = 3
    items = ["a", "b"]
print("{:{w}}|{:>{w}}|{:^{w}.{p}f}".format("l", "r", 3.14159, w=8, p=2))
print("{0!r:>10}|{0!s:<6}|{1!r:^9}".format("q", 42))
print("{p.x} {p.items[1]} {0[0]} {d[key]}".format([9], p=P, d={"key": "v"}))
print("{:,} {:_} {:+.1%} {:#x} {:08.3f}".format(10 ** 9, 10 ** 6, 0.256, 255, -3.14159))
print("{} {} {}".format(*"abc"), "{a}{b}".format(**{"a": 1, "b": 2}), "{{}} {}".format(0))
print("{0}{0}{1}".format("x", "y"), "{:>{}}".format("z", 4), "{:*<{}}".format("k", 3))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{0} {}".format(1, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    "{missing}".format(present=1)
except KeyError as e:
    print("KeyError:", e)
