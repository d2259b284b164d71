from _weakref import ref, getweakrefcount, getweakrefs
def f(): pass
r = ref(f); del f; print("func", r())
s = {1, 2}; rs = ref(s); del s; print("set", rs())
g = (i for i in range(3)); rg = ref(g); next(g); del g; print("gen", rg())
class C: pass
c = C(); rc = ref(c); l = [c]; del c; print("in list", rc() is l[0]); l.clear(); print("cleared", rc())
def make():
    o = C()
    return ref(o)
print("local", make()())
objs = [C() for _ in range(3)]
refs = [ref(o, lambda w: print("cb", refs.index(w))) for o in objs]
del objs
print("after list del")
d = {}
k = C()
d[ref(k)] = 1
print(ref(k) in d, len(d))
del k
print([kk() for kk in d])
a = C(); b = C()
print(ref(a) == ref(a), ref(a) == ref(b), ref(a) != ref(b))
x = C()
x.self = x
rx = ref(x)
del x
print("cycle alive", rx() is not None)
m = C()
w1 = ref(m); w2 = ref(m, len); w3 = ref(m, len)
print(getweakrefcount(m), getweakrefs(m)[0] is w1, getweakrefs(m)[1] is w3)
del w3
print(getweakrefcount(m))
t = (C(), C(), C())
order = []
trefs = [ref(o, lambda w, i=i: order.append(i)) for i, o in enumerate(t)]
del t
print("tuple items die last first", order)
nested = [[C()], [C()]]
nrefs = [ref(inner[0], lambda w, i=i: order.append(("nested", i))) for i, inner in enumerate(nested)]
order.clear()
del nested
print(order)
