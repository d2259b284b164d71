# `from m import *`: `__all__` decides (and may name submodules, which get imported);
# without it every name not starting with an underscore arrives, imported modules included.
from shapes import *
print(area(circle(2)), square.side(3), square.__name__)
try:
    hidden
except NameError as e:
    print(type(e).__name__, e)
from palette import *
print(RED, mix(RED, BLUE), extra.QUIET)
try:
    _private
except NameError as e:
    print(type(e).__name__, e)
from palette.extra import *
print(LOUD)
try:
    QUIET
except NameError as e:
    print(type(e).__name__, e)
import badall
try:
    from badall import *
except AttributeError as e:
    print(type(e).__name__, e)
