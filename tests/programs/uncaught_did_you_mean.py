# An uncaught NameError or AttributeError ends with CPython 3.11's "Did you mean" (each
# exception of the chain); the traceback module of 3.11 prints none.
import math
import traceback


class A:
    blech = 1


def local_typo():
    somevar = 1
    return somevr + somevar


try:
    A().bluch
except AttributeError:
    print(traceback.format_exc().splitlines()[-1])

try:
    pritn
except NameError:
    try:
        local_typo()
    except NameError:
        try:
            A().blach
        except AttributeError:
            try:
                math.sqr
            except AttributeError:
                try:
                    raise AttributeError("plain")
                except AttributeError:
                    A().Blech
