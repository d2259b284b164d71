# range.__new__ and slice.__new__ are range's and slice's own: they check their arguments as
# the constructors do and refuse classes that are not theirs.

for call in (
    lambda: range.__new__(range),
    lambda: range.__new__(range, 3),
    lambda: range.__new__(range, 1, 9, 2),
    lambda: range.__new__(range, 1, 2, 3, 4),
    lambda: range.__new__(range, 1.5),
    lambda: range.__new__(int, 3),
    lambda: range.__new__(),
    lambda: slice.__new__(slice),
    lambda: slice.__new__(slice, 5),
    lambda: slice.__new__(slice, 1, 5, 2),
    lambda: slice.__new__(str, 1),
    lambda: range.__new__(range, 0, 10, 0),
):
    try:
        print(repr(call()))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

print(range.__new__ is not object.__new__, slice.__new__ is not range.__new__)
print(list(range.__new__(range, 4)), slice.__new__(slice, 2).indices(10))
