# compile() of trees from ast.parse: the code runs as the source would.
import ast

SNIPPETS = [
    "x = 1 + 2 * 3\nprint(x, -x, ~x, not x)",
    "a, *b = [1, 2, 3]\nprint(a, b)",
    "def f(a, b=2, *args, c, d=4, **kw):\n    return a, b, args, c, d, kw\nprint(f(1, c=3), f(1, 2, 3, c=5, e=6))",
    "def g(a, /, b):\n    return a - b\nprint(g(5, b=2))",
    "class C:\n    '''doc'''\n    x = 1\n    def m(self):\n        return self.x\nprint(C().m(), C.__doc__, C.__qualname__)",
    "print([i * i for i in range(5) if i % 2], {k: v for k, v in zip('ab', (1, 2))}, sorted({c for c in 'aab'}))",
    "print(sum(i for i in range(10)), (lambda x, y=3: x * y)(4))",
    "x = 5\nprint(f'{x} {x!r:>4} {x=} {x:{2}d} {{}}')",
    "try:\n    1/0\nexcept ZeroDivisionError as e:\n    print('caught', e)\nelse:\n    print('no')\nfinally:\n    print('fin')",
    "for i in range(3):\n    if i == 1:\n        continue\n    print(i)\nelse:\n    print('done')",
    "n = 0\nwhile n < 3:\n    n += 1\nprint(n)",
    "import math\nfrom os import path as p\nprint(math.pi > 3, p.__name__)",
    "def gen():\n    yield 1\n    yield from [2, 3]\n    return 4\nprint(list(gen()))",
    "d = {'a': 1, **{'b': 2}}\nprint(d, [*d], (1, *'ab'))",
    "if 1 < 2 < 3 != 4:\n    print('chain')\nelif False:\n    print('no')\nelse:\n    print('else')",
    "class CM:\n    def __enter__(self): return 'in'\n    def __exit__(self, *a): print('exit', a[0]); return True\nwith CM() as v:\n    print(v)\n    1/0",
    "match (1, [2, 3], {'k': 'v'}):\n    case (1, [2, *rest], {'k': v}) if rest:\n        print('match', rest, v)\n    case _:\n        print('no')",
    "match 5:\n    case 1 | 2:\n        print('small')\n    case int(x) if x > 3:\n        print('big', x)",
    "class P:\n    __match_args__ = ('a',)\n    def __init__(self, a): self.a = a\nmatch P(7):\n    case P(a=7) as p:\n        print('P', p.a)",
    "x = 10\ndef outer():\n    y = 1\n    def inner():\n        nonlocal y\n        global x\n        y += 1\n        x += 1\n        return y\n    return inner()\nprint(outer(), x)",
    "print(2 ** 100, -2 ** 63, 1.5e300 * 1e10, 3j * 2j, b'ab' + b'c', ..., None, True)",
    "a = [1, 2, 3, 4]\na[1:3] = [9]\ndel a[0]\nprint(a, a[::-1], a[-1])",
    "async def co():\n    return 1\nc = co()\ntry:\n    c.send(None)\nexcept StopIteration as e:\n    print('coro', e.value)",
    "assert True, 'x'\ntry:\n    assert 1 == 2, 'msg'\nexcept AssertionError as e:\n    print('assert', e)",
    "print((y := 5) + y)",
    "x: int = 3\nprint(__annotations__ if '__annotations__' in dir() else x)",
    "def dec(f):\n    return lambda: f() + 1\n@dec\ndef h():\n    return 1\nprint(h())",
    "raise_it = False\ntry:\n    try:\n        raise ValueError('a')\n    except ValueError as e:\n        raise KeyError('b') from e\nexcept KeyError as k:\n    print(repr(k), repr(k.__cause__))",
]

for src in SNIPPETS:
    tree = ast.parse(src)
    code = compile(tree, "<ast>", "exec")
    try:
        exec(code, {"__name__": "snippet"})
    except Exception as e:
        print("error", type(e).__name__, e)

# eval mode
tree = ast.parse("1 + 2 * x", mode="eval")
print(type(tree).__name__, eval(compile(tree, "<ast>", "eval"), {"x": 10}))
print(eval(compile(ast.Expression(body=ast.Constant(42, lineno=1, col_offset=0)), "e", "eval")))
# single mode prints expression values
exec(compile(ast.parse("1 + 1", mode="single"), "<s>", "single"))
exec(compile(ast.parse("None", mode="single"), "<s>", "single"))
# the code object's name and filename
c = compile(ast.parse("pass"), "my-file", "exec")
print(c.co_filename, c.co_name)
