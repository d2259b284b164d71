# `from m import *` sees names a module bound through globals() at run time, and binds
# into a namespace that globals() has turned into a dict.
from consts import *

print(ALPHA, BETA, GAMMA, STATIC, CODES)
try:
    print(_hidden)
except NameError as e:
    print(type(e).__name__, e)

g = globals()
g['EXTRA'] = 5
from consts import *
print(EXTRA, GAMMA, sorted(k for k in globals() if k.isupper()))
