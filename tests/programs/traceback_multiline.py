# An uncaught ZeroDivisionError in an expression that spans lines: the caret line
# marks the first line of the span up to its last non-blank character.
def ratio(values):
    return (sum(values) /
            len(values))


def summary(rows):
    out = {}
    for name, values in rows:
        out[name] = ratio(values)
    return out


print(summary([("a", [1, 2, 3]), ("b", [4])]))
print(summary([("a", [1, 2]), ("empty", [])]))
