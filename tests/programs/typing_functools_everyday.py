from typing import NamedTuple, TypedDict, Protocol, Generic, TypeVar, Optional, Union, List, Dict, Callable, Any, Literal, Final, overload, get_type_hints, runtime_checkable, cast, Iterator
import typing, functools, collections.abc as cabc, abc
T = TypeVar("T")
class P(NamedTuple):
    x: int
    y: int = 0
    def norm(self): return abs(self.x) + abs(self.y)
p = P(3, -4); print(p, p.norm(), p._replace(x=1), p._asdict(), P._fields, P._field_defaults)
class TD(TypedDict, total=False):
    a: int
    b: str
print(TD(a=1), sorted(TD.__required_keys__), sorted(TD.__optional_keys__))
@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closer), isinstance(1, Closer))
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
    def get(self) -> T: return self.v
print(Box[int](3).get(), Box[int], Box.__parameters__, typing.get_origin(List[int]), typing.get_args(Dict[str, int]))
def f(a: int, b: "Optional[str]" = None) -> List[int]: return [a]
print(get_type_hints(f), f.__annotations__)
print(Union[int, str], Optional[int], Literal[1, 2], Callable[[int], str], int | None, List[int] == list[int])
@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x): return x
print(g(1), cast(int, "x"))
class A(abc.ABC):
    @abc.abstractmethod
    def m(self): ...
try:
    A()
except TypeError as e:
    print(e)
print(issubclass(list, cabc.Sequence), isinstance({}, cabc.Mapping), issubclass(Iterator, cabc.Iterable) if False else "")
@functools.singledispatch
def sd(x): return "obj"
@sd.register
def _(x: int): return "int"
@sd.register(list)
def _(x): return "list"
print(sd(1), sd([1]), sd("s"))
class C:
    @functools.cached_property
    def v(self):
        print("computing"); return 5
c = C(); print(c.v, c.v)
@functools.total_ordering
class V:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return self.n == o.n
    def __lt__(self, o): return self.n < o.n
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
@functools.lru_cache(maxsize=2)
def fib(n): return n if n < 2 else fib(n-1) + fib(n-2)
print(fib(30), fib.cache_info())
print(functools.partial(int, base=2)("101"), functools.reduce(lambda a, b: a * b, range(1, 6)))
