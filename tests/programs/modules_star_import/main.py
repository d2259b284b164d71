# `from M import *`: with __all__ only the listed names arrive; without it, public names do.
from shapes import *
from colors import *

print(area(3), PERIMETER_FACTOR, RED, BLUE, exported_names())
try:
    helper
except NameError as e:
    print("NameError:", e)
try:
    _hidden
except NameError as e:
    print("NameError:", e)
