# Half of a circular pair: imports b at top level.
import b

NAME = "a"


def ping(n):
    if n == 0:
        return "a done"
    return b.pong(n - 1)
