# fn.__code__ fields that do not depend on the interpreter build or file location.
def simple(a, b):
    return a + b

def complex_sig(p, q=1, /, r=2, *args, k, m=3, **kw):
    local = p + q
    return local

def outer(x):
    y = x * 2
    def inner(z):
        return x + y + z
    return inner

class Holder:
    def method(self, v):
        return [v for _ in range(2)]

def show(fn):
    c = fn.__code__
    print(c.co_name, c.co_qualname, c.co_firstlineno)
    print("  args", c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount)
    print("  varnames", c.co_varnames)
    print("  freevars", c.co_freevars, "cellvars", c.co_cellvars)

show(simple)
show(complex_sig)
show(outer)
show(outer(1))
show(Holder.method)
show(lambda x, *, y: x)
def gen():
    yield 1
show(gen)
print(type(simple.__code__).__name__)
