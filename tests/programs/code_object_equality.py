# Code objects: equality, hash, names and first lines of nested code, replace().
def f(x):
    return x + 1

def g(x):
    return x + 1

src = "def h(a):\n    return a * 2\n"
c1 = compile(src, "<s>", "exec")
c2 = compile(src, "<s>", "exec")
print(c1 == c2, hash(c1) == hash(c2), c1 is c2)
c3 = compile(src, "<other>", "exec")
print(c1 == c3)
c4 = compile("def h(a):\n    return a * 3\n", "<s>", "exec")
print(c1 == c4)
print(f.__code__ == g.__code__, f.__code__ == f.__code__)
print(f.__code__ != g.__code__)
print(len({c1, c2}), {c1: 1, c2: 2}[c1], c2 in {c1}, c3 in {c1: 0})

def outer():
    lam = (lambda y:
           y)
    gen = (i
           for i in range(3))
    lst = [i for i in range(2)]
    st = {i for i in range(2)}
    dc = {i: i for i in range(2)}
    return lam, gen, lst, st, dc

lam, gen, *_ = outer()
print(lam.__code__.co_name, lam.__code__.co_qualname, lam.__code__.co_firstlineno)
print(gen.gi_code.co_name, gen.gi_code.co_qualname, gen.gi_code.co_firstlineno)
consts = [c for c in outer.__code__.co_consts if hasattr(c, "co_name")]
for c in consts:
    print(c.co_name, c.co_qualname, c.co_firstlineno, c.co_argcount, c.co_varnames)

class K:
    def m(self):
        return [x for x in ()]
    lam = lambda self: 1
print(K.m.__code__.co_qualname, K.lam.__code__.co_qualname)
print([c.co_qualname for c in K.m.__code__.co_consts if hasattr(c, "co_name")])

print(type(f.__code__).__name__, f.__code__ == 1, f.__code__ != None)
h1 = {}
exec(c1, h1)
h2 = {}
exec(c2, h2)
print(h1["h"].__code__ == h2["h"].__code__, hash(h1["h"].__code__) == hash(h2["h"].__code__))
