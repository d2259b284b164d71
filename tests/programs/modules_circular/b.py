# The other half: imports a, which is only partly initialised at that moment.
import a

NAME = "b"


def pong(n):
    if n == 0:
        return "b done (partner " + a.NAME + ")"
    return a.ping(n - 1)
