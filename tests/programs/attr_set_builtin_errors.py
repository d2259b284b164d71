# Setting or deleting attributes of built-in objects: CPython's messages by attribute kind.
cases = [(1, "real"), (1, "imag"), (1.5, "real"), (1j, "imag"), (1, "numerator"), (1, "zz"),
         ("x", "zz"), ([], "append"), (True, "real"), (True, "bit_length"),
         (2**70, "denominator"), (1.5, "imag"), ("x", "upper"), ({}, "keys"),
         (slice(1), "start"), (range(1), "step"), (1j, "real"), ((1, 2), "count")]
for o, a in cases:
    try:
        setattr(o, a, 1)
    except Exception as e:
        print("set", type(o).__name__, a, type(e).__name__, e)
    try:
        delattr(o, a)
    except Exception as e:
        print("del", type(o).__name__, a, type(e).__name__, e)
for v in [1, int]:
    try:
        (5).__class__ = v
    except TypeError as e:
        print(e)
try:
    del (5).__class__
except TypeError as e:
    print(e)
big = 2**70
print(big.denominator, big.numerator == big, big.real == big, big.imag)
print(True.denominator, True.numerator, True.real, True.imag, type(True.real).__name__)


class C:
    pass


for o in [C(), "x", (1,), b"", range(3), frozenset(), {1: 2}.keys(), 1, None, C, len]:
    for k in [0, "a"]:
        try:
            del o[k]
        except TypeError as e:
            print(type(o).__name__, repr(k), e)
for args in [(), (1, 2, 3)]:
    for f in (iter, next):
        try:
            f(*args)
        except TypeError as e:
            print(e)
try:
    iter(x=1)
except TypeError as e:
    print(e)
