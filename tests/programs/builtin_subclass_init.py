# list/dict/set subclasses start empty and are filled by __init__ (list and set replace
# their contents, dict updates); container constructors check their arguments.
class L(list):
    def __init__(self, t, it=()):
        self.t = t
        super().__init__(it)
l = L("ab", [1, 2]); print(l, l.t)
l = L("ab"); print(l, l.t)
x = [1, 2, 3]
list.__init__(x, [9]); print(x)
list.__init__(x); print(x)
class D(dict):
    def __init__(self, t, *a, **k):
        self.t = t
        super().__init__(*a, **k)
d = D("xy", {"a": 1}, b=2); print(d, d.t)
d = D("xy"); print(d)
y = {"q": 1}; dict.__init__(y, {"z": 2}, w=3); print(y)
class S(set):
    def __init__(self, t, it=()):
        self.t = t
        super().__init__(it)
s = S("ab", [3]); print(s, s.t)
s = S("ab"); print(s)
z = {1, 2}; set.__init__(z, [5]); print(z)
class L2(list):
    def __init__(self, *a):
        pass
print(L2([1, 2]))
class L3(list):
    pass
print(L3([1, 2]), L3())
class D2(dict):
    def __init__(self, *a): pass
print(D2({1: 2}))
class B(bytearray if False else list):
    def __init__(self, n):
        super().__init__(range(n))
print(B(3))
try: list.__init__(x, 1)
except TypeError as e: print(e)
try: L3(1)
except TypeError as e: print(e)
try: list.__init__(x, [1], [2])
except TypeError as e: print(e)
try: S("a", 5)
except TypeError as e: print(e)
class T(tuple):
    def __init__(self, a, b): self.a = a
try: print(T(1, 2))
except TypeError as e: print(e)
class T2(tuple):
    def __new__(cls, a, b): return super().__new__(cls, (a, b))
    def __init__(self, a, b): self.a = a
print(T2(1, 2), T2(1, 2).a)
class FS(frozenset): pass
print(FS([1]), FS(), S("q", {1, 2}) == {1, 2})
class L4(list):
    def __new__(cls, *a):
        print("new", a)
        return super().__new__(cls, *a)
print(L4([1, 2]))
class D3(dict):
    def __new__(cls, *a, **k):
        return super().__new__(cls)
print(D3({1: 2}, x=3))
class L5(list):
    def __init__(self, *a):
        list.__init__(self, *a)
        list.__init__(self, *a)
print(L5("ab"))
try: L5(1, 2)
except TypeError as e: print(e)
try: L3(x=1)
except TypeError as e: print(e)

for f in [lambda: list(1, 2), lambda: list([1], [2]), lambda: dict({}, {}), lambda: set([], []), lambda: list(x=1), lambda: set(x=1), lambda: tuple(1,2), lambda: frozenset(1, 2)]:
    try: print(f())
    except TypeError as e: print(e)
