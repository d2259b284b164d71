# SyntaxError messages of compile() in CPython 3.11's words.
sources = [
    "f(x for x in y, 1)", "x = 1 if 2", "0777", "f(a=1, 2)", "f(**a, 2)",
    "def f(a=1, b): pass", "def f(**k, a): pass", "def f(*): pass", "def f(*a=1): pass",
    "def f(**a=1): pass", "lambda x=1, y: 0", "a[]", "x = $", "global", "del", "import",
    "from x import", "u'x' b'y'", "(a, b): int", "f'{x!z}'", "f'}'",
    "match x:\n  case 1 + 1:\n    pass", "match x:\n  case C(a=1, b):\n    pass",
    "try:\n  pass\nexcept* (A, B):\n  pass\nexcept C:\n  pass", "try:\n  pass\nexcept*:\n  pass",
    "try:\n  pass", "@x\nx = 1", "__debug__ = 1", "del __debug__", "def f(__debug__): pass",
    "lambda __debug__: 0", "for __debug__ in x: pass", "if x:\n  a\n b", "import a.b",
    "print(__debug__)",
]
for s in sources:
    try:
        compile(s, "<s>", "exec")
        print("compiles", repr(s))
    except SyntaxError as e:
        print(repr(s), type(e).__name__, e.msg, e.lineno)
