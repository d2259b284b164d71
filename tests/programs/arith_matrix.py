# Every binary arithmetic operator over a grid of int, big int, float and bool operands,
# printing each result's repr or the exception raised.
values = [0, 1, -1, 7, -7, 2 ** 64, -(2 ** 64) + 3, 0.0, -0.0, 1.5, -2.5, 1e300, float("inf"), True]
ops = [
    ("+", lambda a, b: a + b),
    ("-", lambda a, b: a - b),
    ("*", lambda a, b: a * b),
    ("/", lambda a, b: a / b),
    ("//", lambda a, b: a // b),
    ("%", lambda a, b: a % b),
    ("divmod", lambda a, b: divmod(a, b)),
    ("**", lambda a, b: a ** b),
    ("<", lambda a, b: a < b),
    ("==", lambda a, b: a == b),
]
int_ops = [
    ("&", lambda a, b: a & b),
    ("|", lambda a, b: a | b),
    ("^", lambda a, b: a ^ b),
    ("<<", lambda a, b: a << b),
    (">>", lambda a, b: a >> b),
]

def show(name, fn, a, b):
    try:
        result = repr(fn(a, b))
    except OverflowError:
        result = "OverflowError"
    except Exception as e:
        result = type(e).__name__ + ": " + str(e)
    print(repr(a), name, repr(b), "=", result)

for a in values:
    for b in values:
        for name, fn in ops:
            if name == "**" and (abs(b) > 100 or (isinstance(a, int) and abs(a) > 100 and abs(b) > 2)):
                continue
            if name == "**" and a < 0 and isinstance(b, float) and not b.is_integer():
                continue  # a complex result
            show(name, fn, a, b)
        for name, fn in int_ops:
            if name == "<<" and isinstance(b, int) and b > 64:
                continue
            show(name, fn, a, b)
