# print(file=...) writes through the object's write(), piece by piece; print without file
# writes to whatever sys.stdout is now (the redirect_stdout pattern).
import sys
from _io import StringIO

f = StringIO()
print("a", 1, None, sep="-", end="!\n", file=f)
print(file=f)
print("x", "y", file=f, sep="")
print(repr(f.getvalue()))


class Recorder:
    def __init__(self):
        self.calls = []

    def write(self, s):
        self.calls.append(s)
        return len(s)

    def flush(self):
        self.calls.append("<flush>")


r = Recorder()
print("x", 2, [3], file=r, flush=True)
print("no flush", file=r, flush=False)
print(file=r, end="")
print(r.calls)

old = sys.stdout
sys.stdout = StringIO()
print("captured", 1)
print("again", end="")
captured = sys.stdout.getvalue()
sys.stdout = old
print(repr(captured))
print("direct", file=None)
print("to stdout", file=sys.stdout)
print(sys.stdout.write("written\n"))
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
print(sys.stdout.writable(), sys.stdout.readable(), sys.stdin.readable())
sys.stdout.writelines(["l1\n", "l2\n"])
sys.stdout.flush()
sys.stdout = Recorder()
print("into recorder", 5)
rec = sys.stdout
sys.stdout = sys.__stdout__
print(rec.calls)
sys.stdout = None
print("dropped")
sys.stdout = sys.__stdout__
print("back")


class NoWrite:
    pass


for bad in (NoWrite(), 5):
    try:
        print("x", file=bad)
    except AttributeError as e:
        print(type(e).__name__, e)


class Boom:
    def write(self, s):
        raise ValueError("boom " + repr(s))


try:
    print("p", "q", file=Boom())
except ValueError as e:
    print(type(e).__name__, e)
try:
    sys.stdout.write(5)
except TypeError as e:
    print(type(e).__name__, e)
print("done", flush=True)
