# Module attributes: PEP 562 module __getattr__ (also behind `from m import x`), dir(), the
# docstring, relative star imports in a package __init__ and relative imports in functions.
import pq
print(pq.A, pq.helper_name())
print(sorted(n for n in dir(pq) if not n.startswith("__")))
print(pq.lazy_thing)
from pq import other_lazy
print(other_lazy)
try:
    from pq import nope
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
import pq.inner as inner
print(inner.__name__, inner.where())
print(type(pq).__name__, isinstance(pq, type(inner)))
print(pq.__doc__, inner.__doc__)
print(hasattr(pq, "very_lazy"), hasattr(pq, "missing"))
try:
    pq.missing
except AttributeError as e:
    print(type(e).__name__, e)
