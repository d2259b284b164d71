# Trees built or rewritten in Python compile with their own line numbers.
import ast
import traceback


class Doubler(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int) and not isinstance(node.value, bool):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node


src = "a = 1 + 2\nprint(a, [1, 2, 3], 'keep')\n"
tree = Doubler().visit(ast.parse(src))
exec(compile(tree, "<doubled>", "exec"))


class NameToCall(ast.NodeTransformer):
    """Rewrites every load of `x` into `lookup('x')`."""

    def visit_Name(self, node):
        if node.id == "x" and isinstance(node.ctx, ast.Load):
            call = ast.Call(ast.Name("lookup", ast.Load()), [ast.Constant("x")], [])
            return ast.copy_location(call, node)
        return node


tree = NameToCall().visit(ast.parse("y = x + 1\nprint(y, x)"))
ast.fix_missing_locations(tree)
exec(compile(tree, "<rewritten>", "exec"), {"lookup": lambda n: n * 3})

# A module built by hand, positions filled in by fix_missing_locations.
body = [
    ast.Assign([ast.Name("n", ast.Store())], ast.Constant(7)),
    ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.BinOp(ast.Name("n", ast.Load()), ast.Mult(), ast.Constant(6))], [])),
    ast.FunctionDef(
        "sq",
        ast.arguments([], [ast.arg("v")], None, [], [], None, [ast.Constant(3)]),
        [ast.Return(ast.BinOp(ast.Name("v", ast.Load()), ast.Pow(), ast.Constant(2)))],
        [],
    ),
    ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Call(ast.Name("sq", ast.Load()), [], []), ast.Call(ast.Name("sq", ast.Load()), [ast.Constant(-4)], [])], [])),
]
mod = ast.fix_missing_locations(ast.Module(body=body, type_ignores=[]))
ns = {}
exec(compile(mod, "<built>", "exec"), ns)
print(ns["n"], ns["sq"].__name__, ns["sq"].__defaults__)

# Line numbers of the nodes reach tracebacks and f_lineno.
src = "def boom(d):\n    v = 1\n    return d['missing']\n"
tree = ast.parse(src)
ast.increment_lineno(tree, 40)
ns = {}
exec(compile(tree, "<shifted>", "exec"), ns)
try:
    ns["boom"]({})
except KeyError:
    tb = traceback.extract_tb(__import__("sys").exc_info()[2])
    print([(f.filename, f.lineno, f.name) for f in tb[1:]])
print(ns["boom"].__code__.co_firstlineno)

tree = ast.parse("import sys\nline = sys._getframe().f_lineno\n\n\nline2 = sys._getframe().f_lineno")
ast.increment_lineno(tree, 99)
ns = {}
exec(compile(tree, "<lines>", "exec"), ns)
print(ns["line"], ns["line2"])

# Errors in trees, with CPython's exceptions.
def attempt(tree, mode="exec"):
    try:
        compile(tree, "<bad>", mode)
        print("compiled")
    except Exception as e:
        print(type(e).__name__, e)

attempt(ast.Module(body=[ast.Expr(ast.Constant(1))], type_ignores=[]))
attempt(ast.Module(body=[ast.Expr(lineno=1, col_offset=0)], type_ignores=[]))
attempt(ast.fix_missing_locations(ast.Module(body=[ast.Expr(ast.Name("x", ast.Store()))], type_ignores=[])))
attempt(ast.fix_missing_locations(ast.Module(body=[ast.Assign([ast.Constant(1)], ast.Constant(2))], type_ignores=[])))
attempt(ast.fix_missing_locations(ast.Module(body=[ast.Expr(ast.Constant([1]))], type_ignores=[])))
attempt(ast.fix_missing_locations(ast.Module(body=[ast.Expr(ast.Name(1, ast.Load()))], type_ignores=[])))
attempt(ast.fix_missing_locations(ast.Module(body=[ast.FunctionDef("f", ast.arguments([], [], None, [], [], None, []), [], [])], type_ignores=[])))
attempt(ast.fix_missing_locations(ast.Module(body=[ast.Expr(ast.BinOp(ast.Constant(1), ast.Add, ast.Constant(2)))], type_ignores=[])))
attempt(ast.Module(body=[ast.Expr(ast.Name("x", ast.Load(), lineno=2, col_offset=0, end_lineno=1, end_col_offset=0), lineno=1, col_offset=0)], type_ignores=[]))
attempt(ast.Module(body=[ast.Expr(ast.Name("x", ast.Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=2), lineno=1, col_offset=0)], type_ignores=[]))
attempt(ast.parse("1"), "eval")
attempt(ast.parse("1", mode="eval"), "exec")
attempt(ast.Name("x", ast.Load()), "eval")
attempt(ast.fix_missing_locations(ast.Module(body=[ast.Expr(ast.Name("True", ast.Load()))], type_ignores=[])))
attempt(ast.fix_missing_locations(ast.Module(body=[ast.Return(ast.Constant(1))], type_ignores=[])))
attempt(ast.fix_missing_locations(ast.Module(body=[ast.Expr(ast.Compare(ast.Constant(1), [ast.Lt()], []))], type_ignores=[])))
attempt(ast.fix_missing_locations(ast.Module(body="x", type_ignores=[])))
try:
    compile(ast.fix_missing_locations(ast.Module(body=[ast.Return(ast.Constant(1))], type_ignores=[])), "<ret>", "exec")
except SyntaxError as e:
    print(e.msg, e.lineno, e.filename)
