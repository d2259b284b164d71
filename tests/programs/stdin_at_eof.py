# The standard input under `run` is the process's own: at end of file here (the corpus runs
# programs with stdin from /dev/null), as CPython sees it.
import os
import sys

print(sys.stdin.name, sys.stdin.mode, sys.stdin.readable(), sys.stdin.writable(), sys.stdin.fileno())
print(repr(sys.stdin.read()), repr(sys.stdin.readline()), sys.stdin.readlines(), list(sys.stdin))
print(repr(sys.stdin.read(5)), os.isatty(0), sys.stdin.isatty())
try:
    input()
except EOFError as e:
    print("EOFError", e)
try:
    input("prompt> ")
except EOFError as e:
    print()
    print("EOFError", e)
try:
    sys.stdin.write("x")
except OSError as e:
    print(type(e).__name__, e)
