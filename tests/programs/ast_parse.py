# ast: parse (exec/eval/single) and dump with positions, literal_eval and its errors,
# unparse, the node classes (fields, constructor errors, defaults), walk and NodeVisitor,
# NodeTransformer, get_docstring, copy_location / fix_missing_locations.
import ast

srcs = [
    "x = 1 + 2 * y",
    "def f(a, /, b=1, *c, d, e=2, **k) -> int:\n    return a\n",
    "@dec\n@other(1)\nclass C(B, metaclass=M):\n    '''doc'''\n    x: int = 3\n",
    "if a:\n  pass\nelif b:\n  pass\nelse:\n  x",
    "f(x for x in y)\ng((x for x in y), z)",
    "u'a' 'b'\nb'x' b'y'\nr'\\d'",
    "f'a{b!r:>{w}}c' 'd'\nf'{x=}'\nf'{x=:>5}'\nf''",
    "try:\n  pass\nexcept E as e:\n  pass\nexcept (A, B):\n  raise\nelse:\n  y\nfinally:\n  z()",
    "import a.b as c, d\nfrom .. import (x as y, z)\nfrom m import *",
    "with open(f) as g, h:\n    del a[1:2, ::3], b.c",
    "lambda x, *y, z=1, **w: (x, y)",
    "[i for i in range(3) if i if not i]\n{k: v for k, v in d.items()}\n{a, *b}\n(x async for x in y)",
    "async def g():\n    async for x in y:\n        await z\n    async with a as (b, c):\n        yield\n    yield from q",
    "match p:\n    case [1, *rest]: pass\n    case {'k': v, **kw}: pass\n"
    "    case Point(x=0, y=_) | None: pass\n    case str() as s if s: pass\n    case -1 | 1.5 | 'a': pass",
    "a < b <= c is not d not in e\nx if y else -z\n~a ** b // c @ d\n(w := 5)",
    "global g\nnonlocal n\nassert x, 'm'\nraise E from c\nwhile 1:\n  break\nelse:\n  continue\nfor i, j in k: pass",
    "x = 'é' + y  # comment\nz = b'\\x00' + 1e10 + 2j + 0xffffffffffffffffffff + ...",
    "a: int\n(b): int = 1\nc.d += 1\nx[...] = None, True, False",
    "print(*a, **k, sep='')\n{**a, 'b': 1}\nx = y = z",
    "def outer():\n    x = 1\n    def inner():\n        nonlocal x\n        return x\n    return inner",
]
for s in srcs:
    t = ast.parse(s)
    print(ast.dump(t, include_attributes=True))
    print(ast.unparse(t))
print(ast.dump(ast.parse("x = 1", mode="single")))
e = ast.parse("1 + x", mode="eval")
print(ast.dump(e, indent=2))
print(ast.dump(compile("a.b(c)", "<s>", "eval", ast.PyCF_ONLY_AST), annotate_fields=False))
print(ast.dump(ast.parse("f'{x}'"), include_attributes=True))

for s in ["1", "-1.5", "'s'", "[1, (2, 3), {4: 5}]", "{1, 2}", "1+2j", "-2-3j", "None", "b'x'",
          "set()", "x", "1 + x", "f()", "(1, [2, -3.0])", "{'a': [True, False]}", "+5", "~1",
          "1 +", "()", "[]", "{}", "'a' 'b'", "...", "[1, *x]", "{**a}", " 1"]:
    try:
        print(repr(ast.literal_eval(s)))
    except ValueError as err:
        print(type(err).__name__, str(err).split(':')[0])
    except SyntaxError as err:
        print(type(err).__name__, err.msg, err.lineno)
print(ast.literal_eval(ast.Constant(value=3)))

n = ast.Name('x', ast.Load())
print(n.id, type(n.ctx).__name__, ast.dump(n))
print(ast.Name._fields, ast.expr._attributes, ast.Constant.__match_args__, ast.AST._fields)
print(ast.Constant(5).kind, ast.FunctionDef().returns, ast.arguments().vararg)
for make in [lambda: ast.Name('x', ast.Load(), 3), lambda: ast.Name('x', id='y'),
             lambda: ast.Load(1), lambda: ast.Expr(1, 2), lambda: ast.Name().id]:
    try:
        make()
    except (TypeError, AttributeError) as err:
        print(type(err).__name__, err)
print(ast.Name(foo=1).foo, isinstance(ast.Name(), ast.expr), issubclass(ast.Add, ast.operator))
print(ast.Name.__mro__, ast.Name.__module__)
print(ast.Name.__doc__, ast.expr_context.__doc__, sep='\n')
print(ast.cmpop.__doc__)
cls, args, state = ast.Name('q', ast.Store()).__reduce__()
print(cls.__name__, args, sorted(state))

tree = ast.parse("def f(x):\n    '''Doc.'''\n    return x * 2 + g(x)\nclass K:\n    pass")
print(sorted({type(node).__name__ for node in ast.walk(tree)}))
print(ast.get_docstring(tree.body[0]), ast.get_docstring(tree.body[1]))
print([type(c).__name__ for c in ast.iter_child_nodes(tree.body[0])])
print([name for name, _ in ast.iter_fields(tree.body[0])])
print(ast.get_source_segment("def f(x):\n    '''Doc.'''\n    return x * 2 + g(x)",
                             tree.body[0].body[1].value))


class Names(ast.NodeVisitor):
    def __init__(self):
        self.found = []

    def visit_Name(self, node):
        self.found.append((node.id, type(node.ctx).__name__, node.lineno, node.col_offset))


v = Names()
v.visit(ast.parse("a = b + c\nfor i in a: print(i)"))
print(v.found)


class Double(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node


t2 = Double().visit(ast.parse("x = 1 + 2 * 'a'"))
print(ast.unparse(t2), t2.body[0].value.left.col_offset)
new = ast.Module([ast.Expr(ast.Call(ast.Name('print', ast.Load()), [ast.Constant(1)], []))], [])
ast.fix_missing_locations(new)
print(ast.unparse(new), new.body[0].lineno, new.body[0].value.args[0].end_col_offset)
print(ast.increment_lineno(ast.parse("x"), 2).body[0].lineno)
for bad in ["x = (", "def f(:", "1 +* 2"]:
    try:
        ast.parse(bad)
    except SyntaxError as err:
        print(type(err).__name__, err.lineno)
for args in [('x', 'f', 'func_type'), ('x', 'f', 'bad', ast.PyCF_ONLY_AST), ('x', 'f', 'bad')]:
    try:
        compile(*args)
    except ValueError as err:
        print(type(err).__name__, err)
t3 = ast.parse("y = 2")
print(compile(t3, "<ast>", "exec", ast.PyCF_ONLY_AST) is t3)
print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
