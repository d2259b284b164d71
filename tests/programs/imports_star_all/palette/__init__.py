import shapes as _shapes_module
from . import extra
RED = "red"
BLUE = "blue"
_private = 1


def mix(a, b):
    return a + "+" + b
