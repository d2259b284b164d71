# Chained tracebacks with carets in every part, and a recursion whose repeated frames
# collapse into "[Previous line repeated N more times]" after three with their source.
def countdown(n):
    if n == 0:
        return {}["done"]
    return countdown(n - 1)


def parse(text):
    try:
        return int(text) * 2
    except ValueError as e:
        raise RuntimeError("could not parse " + repr(text)) from e


print(parse("21"))
try:
    parse("x1")
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
try:
    countdown(8)
except KeyError:
    print(countdown.__name__, "ended")
    countdown(12)
