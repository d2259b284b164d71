# An uncaught AssertionError whose message is not a string.
values = [1, 2, 3]
assert len(values) == 3, len(values)
print("first assertion passed")
assert sum(values) == 7, (sum(values), "expected 7")
