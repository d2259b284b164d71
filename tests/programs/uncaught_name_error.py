# An uncaught NameError from inside a function.
def lookup():
    return undefined_variable + 1

print("start")
lookup()
