# Built-in methods called unbound on instances of subclasses (list.append(self, x) in a
# subclass's methods), and which protocols a subclass's overrides take part in.
class L(list): pass
class D(dict): pass
class St(set): pass
class T(tuple): pass
class I(int): pass
class F(float): pass
class B(bytes): pass
class BA(bytearray): pass
class DQ(__import__("collections").deque): pass
l, d, s = L([3, 1]), D(a=1), St({1})
tests = [lambda: list.append(l, 5) or l, lambda: list.sort(l) or l, lambda: list.__len__(l), lambda: list.__getitem__(l, 0), lambda: list.__reversed__(l).__next__(), lambda: list.copy(l),
 lambda: list.__iter__(l).__next__(), lambda: list.__contains__(l, 3), lambda: list.index(l, 3), lambda: list.__add__(l, [9]), lambda: list.__eq__(l, [1, 3, 5]), lambda: list.__setitem__(l, 0, 7) or l,
 lambda: dict.get(d, "a"), lambda: dict.__getitem__(d, "a"), lambda: dict.keys(d), lambda: dict.__setitem__(d, "b", 2) or d, lambda: dict.__contains__(d, "a"), lambda: dict.items(d), lambda: dict.__len__(d), lambda: dict.__iter__(d).__next__(), lambda: dict.copy(d), lambda: dict.__repr__(d),
 lambda: set.add(s, 2) or s, lambda: set.__contains__(s, 1), lambda: set.union(s, {5}), lambda: set.__len__(s), lambda: set.__iter__(s).__next__(), lambda: set.__or__(s, {7}),
 lambda: tuple.__getitem__(T((1, 2)), 1), lambda: tuple.index(T((1, 2)), 2), lambda: tuple.__len__(T((1,))), lambda: tuple.__iter__(T((4,))).__next__(), lambda: tuple.count(T((1, 1)), 1),
 lambda: int.__add__(I(1), 2), lambda: int.bit_length(I(8)), lambda: int.__repr__(I(5)), lambda: float.__mul__(F(1.5), 2), lambda: float.hex(F(1.0)), lambda: bytes.upper(B(b"a")), lambda: bytes.__len__(B(b"ab")),
 lambda: bytearray.append(ba := BA(b"a"), 66) or ba, lambda: DQ([1]).__reversed__().__next__(), lambda: list(reversed(DQ([1, 2]))), lambda: list(reversed(D(a=1, b=2))), lambda: list(reversed(T((1, 2)))),
 lambda: object.__repr__(l)[:12], lambda: list.__repr__(l), lambda: list.__init__(l, [0]) or l, lambda: list.__iadd__(l, [1]), lambda: list.__mul__(l, 2), lambda: list.clear(l) or l, lambda: list.__hash__]
for i, t in enumerate(tests):
    try: v = t()
    except Exception as e: v = f"{type(e).__name__}: {e}"
    print(i, v)

class R(list):
    def __len__(self): return 5
    def __getitem__(self, i): return "it%s" % i
r = R([1, 2, 3])
print(list(reversed(r)), list(r.__reversed__()), list(list.__reversed__(r)), type(reversed(r)).__name__)
class Q(tuple):
    def __len__(self): return 5
    def __getitem__(self, i): return "it%s" % i
print(list(reversed(Q((1, 2)))))

class RevList(list):
    def __iter__(self): return iter(list.__iter__(self).__reversed__() if False else reversed(list(list.__iter__(self))))
    def __len__(self): return 99
    def __contains__(self, x): return x == "magic"
    def __getitem__(self, i): return "item%s" % (i,)
r = RevList([1, 2, 3])
tests = [lambda: list(r), lambda: tuple(r), lambda: sorted(r), lambda: set(r), lambda: sum(r), lambda: max(r), lambda: len(r), lambda: bool(r),
  lambda: "magic" in r, lambda: 1 in r, lambda: r[0], lambda: r[0:2], lambda: [*r], lambda: (lambda *a: a)(*r), lambda: dict.fromkeys(r), lambda: ",".join(map(str, r)),
  lambda: list(enumerate(r)), lambda: list(zip(r, r)), lambda: r + [4], lambda: r * 2, lambda: repr(r), lambda: r == [1, 2, 3], lambda: [x for x in r], lambda: list(reversed(r)),
  lambda: min(r), lambda: any(r), lambda: all(r), lambda: list(map(str, r)), lambda: list(filter(None, r)), lambda: frozenset(r), lambda: bytes(RevList([65])), lambda: a_unpack(r)]
def a_unpack(x):
    p, q, s = x
    return p, q, s
for i, t in enumerate(tests):
    try: v = t()
    except Exception as e: v = f"{type(e).__name__}: {e}"
    print(i, v)
class D(dict):
    def __getitem__(self, k): return "D[%s]" % k
    def keys(self): return ["a", "z"]
    def __iter__(self): return iter(["a", "z"])
    def __len__(self): return 7
    def __contains__(self, k): return True
    def get(self, k, d=None): return "got"
d = D(a=1, b=2)
tests2 = [lambda: dict(d), lambda: {**d}, lambda: (lambda **k: k)(**d), lambda: "{a}".format(**d), lambda: "{a}".format_map(d), lambda: list(d), lambda: len(d), lambda: "q" in d,
  lambda: d["x"], lambda: d.get("a"), lambda: list(d.items()), lambda: list(d.values()), lambda: dict.update(x := {}, d) or x, lambda: "%(a)s" % d, lambda: sorted(d), lambda: d == {"a": 1, "b": 2}, lambda: repr(d), lambda: sorted(set(d))]
for i, t in enumerate(tests2):
    try: v = t()
    except Exception as e: v = f"{type(e).__name__}: {e}"
    print("d", i, v)
class S(str):
    def __len__(self): return 42
    def __iter__(self): return iter("xyz")
    def __getitem__(self, i): return "G"
    def __eq__(self, o): return True
    def __hash__(self): return 1
    def upper(self): return "UP"
s = S("abc")
tests3 = [lambda: len(s), lambda: list(s), lambda: s[0], lambda: s == "q", lambda: s.upper(), lambda: str.upper(s), lambda: s + "d", lambda: "".join(s), lambda: sorted(set(s)), lambda: {s: 1}, lambda: sorted(s), lambda: "b" in s, lambda: s.split("b"), lambda: f"{s}", lambda: s.startswith("a"), lambda: s * 2, lambda: tuple(s), lambda: max(s)]
for i, t in enumerate(tests3):
    try: v = t()
    except Exception as e: v = f"{type(e).__name__}: {e}"
    print("s", i, v)
