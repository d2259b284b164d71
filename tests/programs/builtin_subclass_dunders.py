class MyInt(int):
    def __add__(self, o): return MyInt(int.__add__(self, o) * 10)
    def __neg__(self): return int.__neg__(self) * 2
    def __bool__(self): return int.__bool__(self)
    def __hash__(self): return int.__hash__(self)
    def __mod__(self, o): return ("mod", int.__mod__(self, o))
print(MyInt(2) + 3, -MyInt(4), bool(MyInt(0)), hash(MyInt(5)), MyInt(7) % 4)
class L(list):
    def __getitem__(self, i): return ("L", list.__getitem__(self, i))
    def __setitem__(self, i, v): list.__setitem__(self, i, v * 2)
    def __len__(self): return list.__len__(self) + 100
    def __contains__(self, x): return list.__contains__(self, x) or x == "z"
    def __iter__(self): return iter(list(list.__iter__(self))[::-1])
    def __add__(self, o): return L(list.__add__(self, o))
    def __mul__(self, n): return ("mul", list.__mul__(self, n))
    def __delitem__(self, i): print("del", i); list.__delitem__(self, i)
l = L([1, 2, 3]); l[0] = 5
print(l[0], len(l), 2 in l, "z" in l, list(l), l + [9], l * 2)
del l[1]; print(list.__repr__(l))
class D(dict):
    def __missing__(self, k): return ("missing", k)
    def __getitem__(self, k): return ("D", dict.__getitem__(self, k))
    def __delitem__(self, k): dict.__delitem__(self, k); print("deleted", k)
    def __contains__(self, k): return dict.__contains__(self, k)
    def __len__(self): return dict.__len__(self) * 10
    def __iter__(self): return dict.__iter__(self)
d = D(a=1)
print(d["a"], d["b"], "a" in d, len(d), list(d))
del d["a"]; print(dict.__repr__(d))
class S(str):
    def __add__(self, o): return S(str.__add__(self, o).upper())
    def __getitem__(self, i): return str.__getitem__(self, i) * 2
    def __len__(self): return str.__len__(self) + 1
    def __mod__(self, a): return "M" + str.__mod__(self, a)
    def __contains__(self, x): return str.__contains__(self, x)
s = S("ab")
print(s + "c", s[0], len(s), S("%d") % 3, "a" in s)
class T(tuple):
    def __getitem__(self, i): return tuple.__getitem__(self, i) + 1
    def __len__(self): return tuple.__len__(self) + 1
    def __eq__(self, o): return tuple.__eq__(self, o)
    def __hash__(self): return tuple.__hash__(self)
    def __lt__(self, o): return tuple.__lt__(self, o)
t = T((1, 2)); print(t[0], len(t), t == (1, 2), hash(t) == hash((1, 2)), t < (1, 3))
class F(float):
    def __mul__(self, o): return F(float.__mul__(self, o) + 1)
    def __truediv__(self, o): return float.__truediv__(self, o) * 2
    def __round__(self, n=None): return float.__round__(self, n)
print(F(2.0) * 3, F(1.0) / 4, round(F(2.567), 1))
class St(set):
    def __contains__(self, x): return set.__contains__(self, x)
    def __or__(self, o): return St(set.__or__(self, o))
    def __len__(self): return set.__len__(self)
    def __iter__(self): return set.__iter__(self)
print(2 in St({2}), sorted(St({1}) | {2}), len(St({1, 2})))
class D(dict):
    def __setitem__(self, k, v):
        print("sub setitem", k)
        dict.__setitem__(self, k, v)
d = D()
d["a"] = 1
print(d)
f = dict.__setitem__
f(d, "b", 2)
print(d)
import collections
o = collections.OrderedDict()
o["x"] = 1
print(o)
o2 = collections.OrderedDict(a=1)
print(o2)
class T(tuple):
    def __eq__(self, o): return tuple.__eq__(self, o)
    def __hash__(self): return tuple.__hash__(self)
t = T((1, 2))
print(tuple.__eq__(t, (1, 2)), t == (1, 2), (1, 2) == t, hash(t) == hash((1, 2)))
class T2(tuple):
    def __eq__(self, o): return tuple.__eq__(self, o)
print(T2((1,)) == (1,))
