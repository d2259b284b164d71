# A module of the program named math does not shadow the native one: CPython has math
# loaded before the program starts.
import math

print(math.sqrt(16), math.pi, math.__name__)
