__all__ = ["present", "missing"]
present = 1
try:
    from badall2 import *
except TypeError as e:
    print(type(e).__name__, e)
