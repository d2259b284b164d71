# Iteration and dunder protocols: __iter__ = None, non-iterator __iter__ results, __len__ results, reflected operators, __format__ of str/int subclasses with an empty spec.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        return self.n
print(list(It()), sum(It()), sorted(It(), reverse=True), max(It()))
class GI:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(GI()), 20 in GI(), list(reversed([1,2])))
t(lambda: list(reversed(GI())))
class Rev:
    def __len__(self): return 2
    def __getitem__(self, i): return "ab"[i]
print(list(reversed(Rev())))
class NoIter:
    __iter__ = None
t(lambda: iter(NoIter()))
t(lambda: 1 in NoIter())
class BadIter:
    def __iter__(self): return 5
t(lambda: iter(BadIter()))
class Cont:
    def __contains__(self, x): return x == 2
print(2 in Cont(), 3 in Cont(), 3 not in Cont())
class L:
    def __len__(self): return -1
t(lambda: len(L()))
class L2:
    def __len__(self): return 2**70
t(lambda: len(L2()))
class L3:
    def __len__(self): return "x"
t(lambda: len(L3()))
class B:
    def __bool__(self): return 1
t(lambda: bool(B()))
class Idx:
    def __index__(self): return 2
print([1, 2, 3][Idx()], bin(Idx()), "ab" * Idx(), range(Idx()))
class Eq:
    def __eq__(self, o): return "yes"
print(Eq() == 1, Eq() != 1, [Eq()] == [1], 1 in [Eq()])
class Cmp:
    def __lt__(self, o): return NotImplemented
t(lambda: Cmp() < Cmp())
t(lambda: Cmp() > 1)
class R:
    def __radd__(self, o): return "radd"
    def __rsub__(self, o): return "rsub"
print(1 + R(), [] + R(), 1 - R())
class Sub(int):
    def __radd__(self, o): return "sub radd"
print(1 + Sub(2), Sub(2) + 1)
class Num:
    def __init__(self, v): self.v = v
    def __iadd__(self, o): self.v += o; return self
    def __add__(self, o): return Num(self.v + o)
n = Num(1); m = n; n += 5; print(n is m, n.v)
class H:
    __hash__ = None
t(lambda: hash(H()))
t(lambda: {H()})
class CallMe:
    def __call__(self, *a, **k): return a, k
print(CallMe()(1, x=2))
class GA:
    def __getattr__(self, n):
        if n == "magic": return 42
        raise AttributeError(n)
g = GA(); print(g.magic, hasattr(g, "nope"), getattr(g, "nope", "dflt"))
class GAttr:
    def __getattribute__(self, n):
        if n == "x": return "intercepted"
        return object.__getattribute__(self, n)
ga = GAttr(); ga.y = 1; print(ga.x, ga.y)
class Desc:
    def __init__(self): self.data = {}
    def __get__(self, o, t): return "desc" if o else "cls"
class UseD:
    attr = Desc()
    def __init__(self): self.__dict__["attr"] = "inst"
print(UseD().attr, UseD.attr)
class Ctx:
    def __enter__(self): print("enter"); return self
    def __exit__(self, et, ev, tb): print("exit", et.__name__ if et else None); return True
with Ctx():
    raise KeyError
print("after")
t(lambda: exec("with 5: pass"))
class Missing(dict):
    def __missing__(self, k): return k * 2
print(Missing()["ab"], Missing().get("ab"))
class MyList(list):
    def __getitem__(self, i): return "custom"
ml = MyList([1, 2])
print(ml[0], list(ml), [x for x in ml], ml.copy(), type(ml.copy()).__name__)
class MyStr(str):
    def __str__(self): return "overridden"
ms = MyStr("base")
print(ms, str(ms), f"{ms}", "%s" % ms, ms + "!", ms.upper(), repr(ms))
class MyInt(int):
    def __repr__(self): return "MyInt!"
mi = MyInt(5)
print(mi, repr(mi), f"{mi}", str(mi), mi + 1, type(mi + 1).__name__, "%d" % mi, format(mi, "03"))
