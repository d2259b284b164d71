# compile() modes, SyntaxError/IndentationError details, locals() and exec in functions,
# classes defined by exec'd code.
for src, mode in [("x = (", "exec"), ("1 +", "eval"), ("def f(:\n  pass", "exec"),
                  ("x = 1\n  y = 2", "exec"), ("if x\n  pass", "exec"),
                  ("return 1", "exec"), ("x = 1", "eval"), ("break", "exec"),
                  ("f(**a, *b)", "exec"), ("'abc", "exec"), ("a b", "exec"),
                  ("for x in y:\npass", "exec"), ("nonlocal q", "exec"),
                  ("yield 1", "exec"), ("x = 1;;", "exec")]:
    try:
        compile(src, "<s>", mode)
        print("ok", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.filename, e.lineno)
try:
    exec("def f(:\n  pass")
except SyntaxError as e:
    print(type(e).__name__, e)
print(issubclass(IndentationError, SyntaxError), issubclass(TabError, IndentationError))
exec(compile("1 + 2", "<s>", "single"))
exec(compile("None", "<s>", "single"))
exec(compile("'x'", "<s>", "single"))
exec(compile("x = 5", "<s>", "single"))
exec(compile("if 1:\n    [7]\n", "<s>", "single"), {})
print(eval(compile("1 + 2", "<s>", "eval")))
print(exec("1"))
d = {}
print(eval(compile("q = 1", "<s>", "exec"), d), d['q'])
def outer():
    y = 5
    def h():
        return eval("y")
    return h
try:
    print(outer()())
except NameError as e:
    print(type(e).__name__, e)
def loc():
    z = 3
    return eval("z + 1")
print(loc())
def loc2():
    z = 3
    exec("z = 9")
    return z
print(loc2())
def loc3():
    exec("w = 9")
    return locals()['w']
print(loc3())
def loc4():
    a = 1
    l1 = locals()
    b = 2
    l2 = locals()
    return l1 is l2, sorted(l2)
print(loc4())
print(eval("[x for x in range(3) if x != t]", {'t': 1}))
ns = {}
exec("import math\nr = math.floor(2.5)", ns)
print(ns['r'])
exec("class A:\n    def __init__(self):\n        super().__init__()\n        self.v = __class__.__name__\n", ns)
print(ns['A']().v, ns['A'].__module__)
exec("class B(Exception):\n    pass\n", ns)
try:
    raise ns['B']('bad')
except Exception as e:
    print(type(e).__name__, e, type(e).__module__)
