# Every pattern kind of the match statement.
class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Color:
    RED = 1
    GREEN = 2


def literal(v):
    match v:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2 + 3j:
            return "complex"
        case -2 - 3j:
            return "negative complex"
        case "abc" | b"abc":
            return "abc"
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case Color.RED:
            return "red"
        case _:
            return "other"


for v in [0, -1, 1.5, 2 + 3j, -2 - 3j, "abc", b"abc", None, True, False, 1, 0.0, 1.0, 7]:
    print(repr(v), literal(v))


def seq(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x}"
        case [1, *rest]:
            return f"starts with 1, rest {rest}"
        case (a, b, *_, c):
            return f"a={a} b={b} c={c}"
        case [*_, 9]:
            return "ends with 9"
        case [x, y]:
            return f"two {x} {y}"
        case _:
            return "no"


for v in [[], [5], (5,), [1, 2, 3], (1,), [4, 5, 6, 7], "ab", b"ab",
          range(3), range(2), [8, 9], {1: 2}, (3, 4), 12]:
    print(repr(v), seq(v))


def mapping(v):
    match v:
        case {"kind": "circle", "r": r}:
            return f"circle {r}"
        case {"kind": "rect", **rest}:
            return f"rect {sorted(rest.items())}"
        case {1: _, 2: _}:
            return "has 1 and 2"
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"


class D(dict):
    def __missing__(self, key):
        return "missing"


class G(dict):
    def get(self, key, default=None):
        return "via get" if key == "r" else default


for v in [{"kind": "circle", "r": 2}, {"kind": "rect", "w": 1, "h": 2}, {1: 0, 2: 0, 3: 0},
          {"x": 1}, [("kind", "circle")], D(kind="circle"), G(kind="circle"), D(a=1)]:
    print(mapping(v))


def cls(v):
    match v:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case Point(xx, 0):
            return f"on x axis at {xx}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "some point"
        case int(n) if n > 100:
            return f"big int {n}"
        case bool(b):
            return f"bool {b}"
        case int() | float() as num:
            return f"number {num}"
        case str(s):
            return f"str {s!r}"
        case list([a, *_]) | tuple((a, *_)):
            return f"first {a}"
        case dict({"k": k}):
            return f"dict with k={k}"
        case _:
            return "other"


for v in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), 101, True, 5, 2.5,
          "hi", [7, 8], (9,), {"k": 1}, {"j": 1}, None]:
    print(cls(v))


def bind(v):
    match v:
        case [(1 | 2) as a, (3 | 4) as b] | [a, b, 0]:
            return f"a={a} b={b}"
        case {"x": [x, *ys]} | {"y": [x, *ys]}:
            return f"x={x} ys={ys}"
        case ((1, p) | (p, 1)):
            return f"p={p}"
        case _:
            return "none"


for v in [[1, 3], [2, 4], [7, 8, 0], [5, 6], {"x": [1, 2]}, {"y": [3]}, (1, 9), (9, 1), (2, 2)]:
    print(bind(v))

# Captures happen only when the whole pattern matches; a failed guard keeps them.
z = "unset"
match (1, 2):
    case (z, 3):
        pass
    case _:
        pass
print(z)
match (1, 2):
    case (q, 2) if q > 5:
        pass
    case _:
        print("guard failed, q =", q)

# Subject evaluated once.
calls = []


def subject():
    calls.append(1)
    return [1, 2]


match subject():
    case [0, _]:
        pass
    case [1, x]:
        print("x", x, "calls", len(calls))

# Irrefutable last case and names in functions and classes.


class K:
    match 3:
        case n:
            attr = n * 2


print(K.attr, K.n)


def nested_capture():
    match {"a": [1, {"b": (2, 3)}]}:
        case {"a": [one, {"b": (two, three)}]}:
            def inner():
                return one + two + three
            return inner()


print(nested_capture())

# Sequence patterns against user subclasses of list and tuple.


class MyList(list):
    pass


match MyList([1, 2]):
    case [a, b]:
        print("MyList", a, b)

# Star patterns with large subjects.
match list(range(10)):
    case [first, *middle, last]:
        print(first, middle, last)
match tuple(range(5)):
    case (*init, 4):
        print(init)
