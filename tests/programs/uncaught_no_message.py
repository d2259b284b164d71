# An uncaught exception raised without a message: the last line is just the type name.
def validate(value):
    if value < 0:
        raise ValueError
    return value

print(validate(1))
validate(-1)
