# Python 2's print and exec statements get CPython's hint, with the statement's span;
# `print >> stream` gets its TypeError hint.
import sys

for src in ['print "hello"', "for i in range(3): print i", 'print  "x"  ', 'if 1:\n    print "x"',
            "print 1;", 'exec "x"', 'print f"x"', "x = 1\nprint x # note", "print(1)", "print -1"]:
    try:
        compile(src, "<s>", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), "->", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)

for target in (sys.stderr, 1):
    try:
        print >> target, "x"
    except TypeError as e:
        print(type(e).__name__, e)
try:
    len >> 1
except TypeError as e:
    print(type(e).__name__, e)
