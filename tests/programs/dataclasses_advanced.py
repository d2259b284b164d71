# dataclasses beyond the basics: kw_only, KW_ONLY, slots, inheritance, unsafe_hash,
# make_dataclass, the definition-time errors, field() options, nested replace.
import dataclasses
from dataclasses import dataclass, field, fields, KW_ONLY, make_dataclass, replace, asdict


@dataclass(kw_only=True)
class KW:
    a: int
    b: int = 2


print(KW(a=1), KW(b=3, a=4))
try:
    KW(1)
except TypeError as e:
    print(type(e).__name__, e)


@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 3
    c: int


print(Mixed(1, c=4), [f.kw_only for f in fields(Mixed)])


@dataclass
class FieldKw:
    a: int
    b: int = field(kw_only=True, default=0)
    c: int = 5


print(FieldKw(1, 2, b=3))


@dataclass(slots=True)
class Slotted:
    x: int
    y: float = 1.5


s = Slotted(1)
print(s, Slotted.__slots__, hasattr(s, '__dict__'))
try:
    s.z = 1
except AttributeError as e:
    print(type(e).__name__, e)


@dataclass(frozen=True, slots=True)
class FS:
    a: int


print(FS(1), hash(FS(1)) == hash(FS(1)))


@dataclass
class Base:
    x: int = 1
    y: str = 'b'

    def describe(self):
        return f'{type(self).__name__}:{self.x}'


@dataclass
class Derived(Base):
    z: float = 2.0
    x: int = 10


d = Derived()
print(d, [f.name for f in fields(Derived)], d.describe(), Derived(5, 'q', 1.0))
print(isinstance(d, Base), d == Base(10, 'b'))


class Plain:
    pass


@dataclass
class FromPlain(Plain):
    a: int = 0


print(FromPlain(), FromPlain.__mro__[1].__name__)


@dataclass(unsafe_hash=True)
class UH:
    a: int
    b: list = field(default_factory=list, compare=False, hash=False, repr=False)


print(hash(UH(1)) == hash(UH(1)), UH(1, [2]), UH(1, [2]) == UH(1, [3]))

C = make_dataclass('C', ['z', ('x', int), ('y', int, field(default=5))],
                   namespace={'add': lambda self: self.x + self.y}, frozen=True)
c = C(0, 1)
print(c, c.add(), C.__name__, [f.name for f in fields(C)])

for src in ["a: list = []", "a: dict = {}", "a: set = set()"]:
    try:
        exec(f"@dataclass\nclass Bad:\n    {src}\n", {'dataclass': dataclass})
    except ValueError as e:
        print(type(e).__name__, e)
try:
    @dataclass
    class Bad2:
        a: int = 1
        b: int
except TypeError as e:
    print(type(e).__name__, e)
try:
    @dataclass(order=True)
    class Bad3:
        a: int

        def __lt__(self, other):
            return True
except TypeError as e:
    print(type(e).__name__, e)
try:
    @dataclass(frozen=True)
    class Child(Base):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    field(default=1, default_factory=list)
except ValueError as e:
    print(type(e).__name__, e)


@dataclass
class Inner:
    v: int


@dataclass
class Outer:
    inner: Inner
    items: list


o = Outer(Inner(1), [Inner(2), (Inner(3), 4)])
print(asdict(o))
print(replace(o, inner=Inner(9)))
print(dataclasses.astuple(o))


@dataclass
class Defaults:
    a: int = field(default=3)
    b: tuple = (1, 2)
    c: frozenset = frozenset()


print(Defaults(), Defaults.a, Defaults.b)
print(repr(fields(Defaults)[0].default), fields(Defaults)[0].init, fields(Defaults)[0].compare)


@dataclass
class Counter:
    count: int = 0

    def incr(self):
        self.count += 1
        return self


print(Counter().incr().incr())
print(dataclasses.is_dataclass(Counter()), dataclasses.is_dataclass(int))
