pi = 3


def sqrt(x):
    return "own sqrt of " + str(x)
