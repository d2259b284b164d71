# An exception raised while handling another: the traceback ends with the new one.
try:
    {}["a"]
except KeyError:
    print("handling")
    raise ValueError("while handling")
