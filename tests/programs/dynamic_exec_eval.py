# exec / eval / compile: namespaces, closures, classes, reuse, errors.
src = "def f(a, b=2):\n    return a + b + K\nclass C:\n    def m(self):\n        return 'm' + str(K)\n"
ns = {'K': 10}
exec(src, ns)
print(ns['f'](1), ns['C']().m(), sorted(k for k in ns if k != '__builtins__'))
print('__builtins__' in ns, ns['C'].__module__, ns['f'].__globals__ is ns)
print(eval("x * 2 + y", {'x': 3}, {'y': 4}))
print(eval("  1 + 1"))
x = 5
print(eval("x + 1"))
exec("x = 7")
print(x)
code = compile("v = v + 1", "<mine>", "exec")
d = {'v': 0}
for _ in range(3):
    exec(code, d)
print(d['v'], type(code).__name__, code.co_filename, code.co_name)
e = compile("a * 2", "<e>", "eval")
print([eval(e, {'a': i}) for i in range(3)])
ns2 = {}
exec("def adder(n):\n    def inner(k):\n        return n + k\n    return inner\nr = adder(3)(4)\ng = (i * n for n in [1] for i in range(3))\n", ns2)
print(ns2['r'], list(ns2['g']), ns2['adder'](1).__qualname__)
class K2:
    exec("q = 3")
print(K2.q)
print(eval("len([1,2])", {'len': lambda s: 99}))
print(eval("abs(-1)", {'__builtins__': {'abs': lambda v: 'mine'}}))
Point_src = '''
def __new__(_cls, x, y):
    return _tuple_new(_cls, (x, y))
'''
nsp = {'_tuple_new': tuple.__new__, '__name__': 'namedtuple_Point'}
exec(Point_src, nsp)
class Point(tuple):
    __new__ = nsp['__new__']
print(Point(1, 2), nsp['__new__'].__name__, nsp['__new__'].__module__)
loc = {}
exec("a = 1\nb = a + 1", {}, loc)
print(sorted(loc.items()))
class M:
    def __getitem__(self, k):
        if k == 'z':
            return 100
        raise KeyError(k)
print(eval("z + 1", {}, M()))
for bad in ["1/0", "undefined_name", "[1][5]"]:
    try:
        exec(bad)
    except Exception as ex:
        print(type(ex).__name__, ex)
for args in [(1,), ("1", []), ("1", {}, 5)]:
    try:
        exec(*args)
    except TypeError as ex:
        print(type(ex).__name__, ex)
try:
    eval(5)
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    compile("x", "f", "bad")
except ValueError as ex:
    print(type(ex).__name__, ex)
try:
    exec("x = (")
except SyntaxError as ex:
    print(type(ex).__name__, ex.filename, ex.lineno)
try:
    compile("a = 1\nb = (\n", "prog.py", "exec")
except SyntaxError as ex:
    print(type(ex).__name__, ex.filename)
print(eval("[k for k in range(n)]", {'n': 3}))
exec("def deep():\n    raise KeyError('k')\n", ns)
try:
    ns['deep']()
except KeyError as ex:
    print(type(ex).__name__, ex)
