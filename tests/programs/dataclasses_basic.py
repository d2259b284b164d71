# Everyday dataclasses: defaults, default_factory, repr, eq, order, frozen, asdict/astuple,
# replace, fields, __post_init__, InitVar, ClassVar.
from dataclasses import (dataclass, field, fields, asdict, astuple, replace,
                         FrozenInstanceError, InitVar, is_dataclass)
from typing import ClassVar, List, Optional


@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)


p = Point(1)
print(p, p == Point(1, 0), p != Point(2), p == (1, 0))
print(repr(Point(1, 2, ['a'])))
print(asdict(Point(3, 4, [1, 2])), astuple(Point(3, 4)))
print(replace(p, y=5), p)
print([f.name for f in fields(Point)], [f.type for f in fields(Point)])
print(Point.__init__.__annotations__)
print(Point.__match_args__, Point.__dataclass_params__)
print(is_dataclass(p), is_dataclass(Point), is_dataclass(1))
print(Point.__doc__)
print(Point(1).tags is not Point(1).tags)
for bad in [lambda: Point(), lambda: Point(1, 2, [], 4), lambda: Point(1, z=2),
            lambda: replace(p, z=1), lambda: fields(1), lambda: asdict(Point)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)


@dataclass(frozen=True)
class Frozen:
    a: int
    b: str = 'x'


f = Frozen(1)
try:
    f.a = 2
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del f.b
except FrozenInstanceError as e:
    print(type(e).__name__, e)
try:
    f.new = 1
except FrozenInstanceError as e:
    print(type(e).__name__, e)
print(hash(f) == hash(Frozen(1)), f == Frozen(1, 'x'), len({f, Frozen(1)}))
print(replace(f, b='y'))


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0


print(sorted([Version(2), Version(1, 5), Version(1, 2)]))
print(Version(1) < Version(2), Version(1) >= Version(1), Version(1, 1) > Version(1))
try:
    Version(1) < 3
except TypeError as e:
    print(type(e).__name__, e)


@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    c: InitVar[int] = 10
    K: ClassVar[int] = 7

    def __post_init__(self, c):
        self.b = self.a * c


q = WithPost(2, 3)
print(q, q.b, WithPost.K, [f.name for f in fields(WithPost)], WithPost(1))
print(hasattr(q, 'c'), WithPost.c)


@dataclass
class Opt:
    name: Optional[str] = None
    items: List[int] = field(default_factory=lambda: [1, 2])
    meta: dict = field(default_factory=dict, metadata={'k': 'v'}, repr=False)


print(Opt(), fields(Opt)[2].metadata['k'], fields(Opt)[2].repr)


@dataclass
class Node:
    val: int
    children: list = field(default_factory=list)


tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(asdict(tree))
print(astuple(tree))
print(asdict(tree, dict_factory=lambda kv: sorted(kv)))


@dataclass
class Custom:
    a: int

    def __repr__(self):
        return 'custom'


print(Custom(1), Custom(1) == Custom(1))


@dataclass(eq=False)
class NoEq:
    a: int


print(NoEq(1) == NoEq(1), NoEq.__hash__ is object.__hash__)


@dataclass
class Unhashable:
    a: int


print(Unhashable.__hash__)
try:
    hash(Unhashable(1))
except TypeError as e:
    print(type(e).__name__, e)
