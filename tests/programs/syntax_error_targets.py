# compile() names an invalid assignment, augmented-assignment or del target by its kind of
# expression, in CPython's words, with its span.
SOURCES = [
    "(y for y in (1,2)) = 10", "f() = 1", "1 = 2", "a + b = 1", "[x for x in y] = 1",
    "None = 1", "x.y() += 1", "(y for y in (1,2)) += 10", "del f()", "del 1",
    "del (a, f())", "[a, f()] = 1", "for f() in x: pass", "with a as f(): pass",
    "lambda: 1 = 1", "a if b else c = 1", "(a := 1) = 2", "f'{x}' = 1", "... = 1",
    "True = 1", "{1:2} = 3", "{1} = 2", "a < b = 1", "not a = 1", "x = yield = 1",
    "del a + b", "del (yield)", "-a = 1", "x = f() = 1", "a.b + 1 += 2",
    "x = 1; if x: pass",
]
for src in SOURCES:
    try:
        compile(src, "<s>", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), "->", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
