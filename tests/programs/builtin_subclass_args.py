# Instances of subclasses of str, bytes, int, float, dict, list and tuple passed to native
# functions and methods: read as the value they hold, as CPython does.
import json, math, struct, re, array, datetime, collections, operator, itertools, functools, statistics, decimal, fractions, os.path, hashlib, base64, binascii, zlib, heapq, bisect, random
class S(str): pass
class B(bytes): pass
class I(int): pass
class F(float): pass
class D(dict): pass
class L(list): pass
class T(tuple): pass
tests = [
 lambda: json.dumps([I(5), F(1.5), S("x"), D(a=1), L([1]), T((2,))]), lambda: json.dumps({S("k"): I(1), I(2): F(3.0)}),
 lambda: math.sqrt(F(4.0)), lambda: math.floor(F(1.5)), lambda: math.gcd(I(12), I(8)), lambda: math.factorial(I(5)), lambda: math.log(I(8), I(2)),
 lambda: struct.pack("<iQd", I(1), I(2), F(3.0)), lambda: struct.pack("3s", B(b"abc")), lambda: struct.unpack(S("<h"), B(b"\x01\x00")),
 lambda: re.compile(S("a+")).findall(S("aaba")), lambda: re.sub(S("a"), S("b"), S("aa")), lambda: re.split(S(","), S("a,b")),
 lambda: array.array("i", [I(1), I(2)]), lambda: array.array(S("d"), [F(1.0)]), lambda: bytearray([I(65)]), lambda: bytes([I(66)]),
 lambda: datetime.timedelta(days=I(1), seconds=F(1.5)), lambda: datetime.date(I(2024), I(1), I(2)), lambda: "%c%c" % (I(65), S("b")),
 lambda: "{:d}|{:>{w}}|{:.{p}f}".format(I(5), "a", F(1.25), w=I(3), p=I(1)), lambda: list(range(10))[I(1)::I(2)], lambda: [1, 2][I(1)],
 lambda: round(F(2.5)), lambda: round(F(2.675), I(2)), lambda: int.to_bytes(I(5), I(2), S("big")), lambda: int.from_bytes(B(b"\x01\x00"), "little"),
 lambda: I(5).bit_length(), lambda: F(1.5).is_integer(), lambda: F(0.5).as_integer_ratio(), lambda: hex(I(255)), lambda: oct(I(8)),
 lambda: divmod(F(7.5), I(2)), lambda: pow(I(2), I(10), I(1000)), lambda: abs(I(-3)), lambda: -I(3), lambda: ~I(3), lambda: I(3) << I(2),
 lambda: collections.Counter(S("aab")), lambda: collections.deque(L([1, 2]), maxlen=I(1)), lambda: sorted(T((3, 1, 2))), lambda: max(L([1, 5, 2])),
 lambda: sum(L([F(0.1)] * 3)), lambda: min(S("cab")), lambda: list(zip(S("ab"), T((1, 2)))), lambda: dict(D(a=1), b=2), lambda: {**D(x=1)},
 lambda: list(itertools.islice(S("abcdef"), I(2), I(5))), lambda: list(itertools.repeat(S("x"), I(2))), lambda: itertools.accumulate(L([1, 2])).__next__(),
 lambda: functools.reduce(operator.add, L([1, 2, 3])), lambda: operator.getitem(D(a=1), S("a")), lambda: operator.index(I(5)),
 lambda: statistics.mean(L([I(1), I(2)])), lambda: decimal.Decimal(S("1.5")) + decimal.Decimal(I(2)), lambda: fractions.Fraction(S("3/4")), lambda: fractions.Fraction(I(3), I(6)),
 lambda: os.path.join(S("a"), S("b")), lambda: os.path.splitext(S("x.py")), lambda: hashlib.md5(B(b"x")).hexdigest()[:6], lambda: base64.b64encode(B(b"hi")),
 lambda: binascii.hexlify(B(b"\x01")), lambda: zlib.crc32(B(b"abc")), lambda: heapq.nsmallest(I(2), L([3, 1, 2])), lambda: bisect.bisect(L([1, 3]), I(2)),
 lambda: random.Random(I(3)).randint(I(1), I(10)), lambda: S("a,b").split(","), lambda: type(S("a,b").split(",")[0]), lambda: S("ab") + S("c"), lambda: type(S("ab") + "c"),
 lambda: L([1]) + [2], lambda: type(L([1]) + [2]), lambda: T((1,)) + (2,), lambda: type(T((1,)) * 2), lambda: D(a=1) | {"b": 2}, lambda: type(D(a=1) | {"b": 2}),
 lambda: isinstance(I(1), int), lambda: I(1) == 1, lambda: hash(I(7)), lambda: hash(F(1.5)) == hash(1.5), lambda: {I(1): "a"}[1], lambda: F(1.0) == I(1),
 lambda: str(I(5)), lambda: repr(F(1.5)), lambda: str(S("q")), lambda: repr(S("q")), lambda: bool(I(0)), lambda: bool(S("")), lambda: float(I(3)), lambda: int(S(" 7 ")),
 lambda: "abc".encode(errors=S("strict")), lambda: int(S("11"), base=I(2)), lambda: chr(I(97)), lambda: range(I(1), I(10), I(3))[I(2)], lambda: "ab" * I(3),
 lambda: [0] * I(2), lambda: L([1, 2]) * 2, lambda: type(L([1, 2]) * 2), lambda: B(b"ab").hex(), lambda: B(b"ab")[0], lambda: type(B(b"ab")[0:1]),
 lambda: S("abc")[I(1)], lambda: list(reversed(S("ab"))), lambda: enumerate(L([5]), start=I(1)).__next__(), lambda: "x".join(T(("a", "b"))),
]
for i, t in enumerate(tests):
    try: r = t()
    except Exception as e: r = f"{type(e).__name__}: {e}"
    print(i, repr(r))
class P(int):
    def __pow__(self, e, m=None): return ("P.pow", int(self), e, m)
print(pow(P(2), 3, 5), pow(P(2), 3), P(2) ** 3)

# str methods, operators and built-ins
a, b = S("ab"), S("b")
tests = [
 lambda: "-".join([a, "c"]), lambda: "abc".startswith(a), lambda: "abc".endswith((b, "x")), lambda: "abc".replace(a, "z"),
 lambda: "a b c".split(S(" ")), lambda: b in "abc", lambda: "abc".find(b), lambda: "abc".count(b), lambda: "abc".index(b),
 lambda: "abc".strip(S("a")), lambda: "abc".partition(b), lambda: "x{}y".format(a), lambda: f"{a}|{a!r}|{a:>5}",
 lambda: "%s|%r|%5s" % (a, a, a), lambda: a.encode(), lambda: int(S("5")), lambda: float(S("1.5")), lambda: complex(S("1+2j")),
 lambda: int(S("ff"), 16), lambda: json.dumps({a: a}), lambda: json.loads(S('{"x": 1}')), lambda: re.sub(b, a, "abc"),
 lambda: re.match(S("a"), a).group(), lambda: os.path.join(a, b), lambda: sorted([a, "a", S("c")]), lambda: a < "b",
 lambda: {a: 1}["ab"], lambda: getattr(collections, S("deque")).__name__, lambda: setattr(S, S("zz"), 1) or S.zz,
 lambda: dict(**{S("k"): 1}), lambda: (lambda **kw: kw)(**{S("k"): 2}), lambda: str(a) + "x", lambda: a * 2, lambda: a[0],
 lambda: list(a), lambda: a.upper(), lambda: "abc".translate({ord("a"): S("z")}), lambda: "ab".zfill(5),
 lambda: S("x").join(["1", "2"]), lambda: "a".center(5, S("*")), lambda: "ab".ljust(4, S("-")), lambda: "ab".rjust(4, S("-")),
 lambda: str.__add__("a", b), lambda: "abc".removeprefix(S("a")), lambda: "abc".removesuffix(S("c")), lambda: "a,b".rsplit(S(",")),
 lambda: "a\tb".expandtabs(), lambda: "x".__contains__(S("x")), lambda: "ab" == S("ab"), lambda: hash(S("ab")) == hash("ab"),
 lambda: b"ab".startswith(B(b"a")), lambda: b"-".join([B(b"a"), b"c"]), lambda: b"abc".replace(B(b"a"), B(b"z")), lambda: bytes(B(b"x")),
 lambda: B(b"ab").decode(), lambda: b"abc".split(B(b"b")), lambda: B(b"ab") + b"c", lambda: b"abc".find(B(b"c")), lambda: bytearray(B(b"q")),
 lambda: "abc"[I(1)], lambda: [1, 2, 3][I(0):I(2)], lambda: range(I(3)), lambda: "ab" * I(2), lambda: round(F(1.25), I(1)),
 lambda: chr(I(65)), lambda: hex(I(255)), lambda: format(I(5), S("03d")), lambda: format(F(1.5), S(".2f")), lambda: divmod(I(7), 2),
 lambda: int(F(2.7)), lambda: "%d %x %f" % (I(3), I(255), F(1.5)), lambda: (1, 2, 3).index(I(2)), lambda: bin(I(5)), lambda: I(5) ** 2,
 lambda: str.lower(S("AB")), lambda: ord(S("a")), lambda: S("3").isdigit(), lambda: "".join(map(str, [S("1")])), lambda: "ab".split(maxsplit=I(0)),
 lambda: "abc".encode(S("utf-8")), lambda: b"abc".decode(S("ascii")), lambda: open.__name__, lambda: type(a + b), lambda: type(a[0:1]),
]
for i, t in enumerate(tests):
    try: r = t()
    except Exception as e: r = f"{type(e).__name__}: {e}"
    print(i, repr(r))

# join over str-subclass items (email's header tokens are str subclasses)
class V(str):
    @property
    def value(self): return self
a = V("x")
print(''.join([a, a]), ''.join(x for x in [a]), ''.join(x.value for x in [a] if x.value), "-".join((a,)))
class L(list):
    @property
    def value(self): return ''.join(x.value for x in self if x.value)
print(L([a, V("y")]).value)
