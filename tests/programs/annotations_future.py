# Under from __future__ import annotations, annotations are their normalised source text.
from __future__ import annotations


def f(a: int, b: List[Dict[str, int]], *args: 'str', c: int | None = None, **kw: x.y) -> Tuple[int, ...]:
    pass


def g(a: Callable[[int], str], b: tuple[()], c: -1, d: 1.5, e: f(x, y=2), f: [int, str], g: (int, str), h: ~T, i: a ** b ** c, j: (a + b) * c, k: "x".y) -> None:
    pass


class C:
    x: ClassVar[int]
    y: Undefined = 3
    __private: int
    z: 'quoted'


print(f.__annotations__)
print(g.__annotations__)
print(C.__annotations__, C.y)
print(__annotations__)
