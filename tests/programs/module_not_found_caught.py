# ModuleNotFoundError is an ImportError and can be caught; its message names the module.
try:
    import nosuch_module
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from nosuch_module import thing
except ModuleNotFoundError as e:
    print("from-import:", e)
import math
print(math.floor(2.5))
