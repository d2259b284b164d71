# Subclasses of types.GenericAlias make their own instances (collections.abc.Callable[[int], str]
# shows its argument list), and a namedtuple field's getter has CPython's repr.
import collections.abc as cabc, typing
c = cabc.Callable[[int], str]
print(type(c).__name__, c.__args__, repr(c))
print(cabc.Callable[..., int], cabc.Callable[[], None], typing.Callable[[int], str], typing.Callable[..., int])
print(c.__origin__, c == cabc.Callable[[int], str], c[()] if False else "")
import types
class G(types.GenericAlias):
    def __repr__(self): return "G!"
g = G(list, (int,)); print(type(g).__name__, repr(g), g.__args__)
from collections import namedtuple
P = namedtuple("P", "x y"); print(repr(P.x), repr(P.y))
