# bool and None: arithmetic with bools, truthiness of every kind of value, identity.
print(True, False, None, repr(None), str(True))
print(True + True, True * 3, False - 1, True / 2, True == 1, False == 0)
print(True is True, None is None, (1 == 1) is True, not None, not 0, not [])
vals = [0, 1, -1, 0.0, 0.1, "", "a", [], [0], (), (0,), {}, {0: 0}, set(), None, range(0), range(1)]
for v in vals:
    print(repr(v), bool(v))
print(bool(), int(True), float(False), str(None), type(None).__name__, type(True).__name__)
print(isinstance(True, int), isinstance(1, bool), True & False, True | False, True ^ True)
x = None
if x is None:
    print("x is None")
if x is not None:
    print("unreachable")
print([True, False, None], (None,), {None: True})
print(hash(True), hash(False), max(True, 0), sum([True, True, False]))
