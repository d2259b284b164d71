# Reprs of built-in methods read from their type (method descriptors, slot wrappers) and
# bound to a value (built-in methods, method-wrappers), without the addresses.
import io
import math


def shown(f):
    return repr(f).split(" at 0x")[0]


for f in (list.append, str.upper, dict.get, bytes.hex, int.bit_length, tuple.count, set.add):
    print(shown(f))
for f in (len, print, math.floor, math.isclose, sorted):
    print(shown(f))
for f in (object.__init__, int.__add__, str.__len__):
    print(shown(f))
for f in ([].append, "x".upper, {}.get, (1).__add__, "x".__len__, float.fromhex, dict.fromkeys, int.from_bytes, str.maketrans):
    print(shown(f))
print(shown(io.StringIO().getvalue))
