# SyntaxError raised by compile() carries CPython's attributes: msg, filename, lineno,
# offset, text (None for errors found after parsing), end_lineno, end_offset,
# print_file_and_line; args hold the 6-item location tuple.
NAMES = ("msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset",
         "print_file_and_line")


def show(e):
    print(type(e).__name__, str(e))
    print("  ", [getattr(e, n, "<missing>") for n in NAMES])
    print("  ", len(e.args), len(e.args[1]) if len(e.args) > 1 else None)


for src in ["a b", "def f(:\n  pass", "return 1", "break", "x = 1\ndef g():\n    continue\n",
            "for x in y\n    pass\n", "lambda: (yield)"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        show(e)

# Built by hand: the attributes follow the arguments.
show(SyntaxError("m", ("f.py", 3, 4, "txt", 3, 6)))
show(SyntaxError("m", ("f.py", 3, 4, "txt")))
e = SyntaxError("m")
print([getattr(e, n) for n in NAMES], str(e))
e = SyntaxError()
print([getattr(e, n) for n in NAMES], repr(str(e)))
e.end_lineno = 7
e.msg = "changed"
print(e.end_lineno, e.msg, str(e))
for bad in [("f.py", 3), ("f", 1, 2, "t", 3, 4, 5)]:
    try:
        SyntaxError("m", bad)
    except TypeError as x:
        print(type(x).__name__, x)
show(IndentationError("m", ("f.py", 3, 4, "txt", 3, 6)))
