# CPython's tokenizer limits on code compiled at run time: 200 open brackets, fewer than 100
# indentation levels; code nested far past the compiler's depth is a RecursionError.
def attempt(label, source, mode="exec"):
    try:
        compile(source, "<limits>", mode)
        print(label, "compiles")
    except SyntaxError as e:
        print(label, type(e).__name__, e.msg, e.lineno, e.offset)
    except RecursionError as e:
        print(label, "RecursionError", e)

for n in (199, 200, 201, 5000):
    attempt(f"parens {n}", "(" * n + "1" + ")" * n, "eval")
attempt("mixed", "x = [\n" + "[" * 150 + "{" * 60 + "}" * 60 + "]" * 150 + "]")
attempt("brackets in strings", "x = '" + "(" * 300 + "'")
for n in (98, 99, 100, 150):
    attempt(f"indent {n}", "".join(" " * i + "if 1:\n" for i in range(n)) + " " * n + "pass\n")
attempt("attribute chain", "a" + ".b" * 100000, "eval")
attempt("call chain", "f" + "()" * 100000, "eval")
print(eval("(" * 200 + "7" + ")" * 200))
