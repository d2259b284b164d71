# globals(), locals(), vars(): module namespace as a dict that reads and writes through.
counter = 1
g = globals()
g['made_here'] = 42
print(made_here, g['counter'], g is globals())
counter = 2
print(g['counter'])
def bump():
    global counter
    counter += 10
    return counter
print(bump(), g['counter'])
g['counter'] = 100
print(counter, bump())
del g['made_here']
try:
    print(made_here)
except NameError as e:
    print(type(e).__name__, e)
def f(a, b=3):
    c = a + b
    def inner():
        return c
    return sorted(locals().items(), key=lambda kv: kv[0]) if True else inner
print([k for k, _ in f(1)])
def snap():
    x = 1
    l = locals()
    x = 2
    return l['x'], x
print(snap())
class C:
    a = 1
    b = sorted(k for k in locals() if not k.startswith('__'))
print(C.b, vars(C)['a'])
class O:
    def __init__(self):
        self.p = 1
print(vars(O()))
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
import math
print(vars(math)['pi'] == math.pi)
def uses_len():
    return len([1, 2, 3])
print(uses_len())
g['len'] = lambda s: 'shadowed'
print(uses_len())
del g['len']
print(uses_len())
print(eval('counter'), 'counter' in vars())
exec("newname = 'from exec'")
print(newname)
