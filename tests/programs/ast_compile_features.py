# compile() of ast trees: docstrings, annotations (also under __future__), async code, SyntaxErrors from the tree, elif chains, f-strings, try/except*.
import ast
for fn in (exec, eval):
    try:
        fn(ast.parse("1"))
    except Exception as e:
        print(type(e).__name__, e)
t = ast.parse("x = 1")
print(compile(t, "f", "exec", ast.PyCF_ONLY_AST) is t)
tree = ast.parse("def f(a):\n    '''doc'''\n    return a\n")
ns = {}
exec(compile(tree, "<t>", "exec"), ns)
print(ns["f"].__doc__, ns["f"].__code__.co_firstlineno, ns["f"].__name__)
tree = ast.parse("class K:\n    '''kdoc'''\n    x: int = 1\n")
exec(compile(tree, "<t>", "exec"), ns)
print(ns["K"].__doc__, ns["K"].__annotations__)
tree = ast.parse("from __future__ import annotations\ndef g(a: List[int]) -> X: pass")
exec(compile(tree, "<t>", "exec"), ns)
print(ns["g"].__annotations__)
tree = ast.parse("async def co():\n    async with a as b:\n        pass\n    await x\n")
c = compile(tree, "<t>", "exec"); print("async ok")
tree = ast.parse("lambda: (yield)")
print(type(compile(tree, "<t>", "exec")).__name__)
try:
    compile(ast.parse("yield 1"), "<t>", "exec")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno)
try:
    compile(ast.parse("def f():\n    x = 1\n    global x"), "<t>", "exec")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno)
src = "x = 1\nif x:\n    y = 2\nelif x > 1:\n    y = 3\nelse:\n    y = 4\nprint(y)\nwhile False:\n    pass\nelse:\n    print('w-else')\n"
exec(compile(ast.parse(src), "<t>", "exec"), {})
print(ast.dump(ast.parse("f'{a!r:>{w}}'").body[0].value)[:60])
exec(compile(ast.parse("a = 3\nw = 5\nprint(f'{a!r:>{w}}|{a=}')"), "<t>", "exec"), {})
exec(compile(ast.parse("print(b'x' b'y', 'a' 'b', 1_0, 0x_f, 1e1_0 > 0, ...)"), "<t>", "exec"), {})
exec(compile(ast.parse("import os.path as p, sys\nfrom os import sep as s\nprint(p.__name__, s)"), "<t>", "exec"), {})
exec(compile(ast.parse("try:\n    raise ValueError('a')\nexcept* ValueError as eg:\n    print('star', eg.exceptions)"), "<t>", "exec"), {})
