# linecache and inspect find the sources frozen into the image: getline by file name alone
# (no module globals), getlines, inspect.getsource of functions and classes here and in the
# standard library, and traceback's source lines.
import inspect
import json
import linecache
import sys
import traceback

def sample(x):
    # a comment inside
    return x * 2

class Sample:
    def method(self):
        return 'm'

print(repr(linecache.getline(__file__, 10)))
print(repr(linecache.getline(__file__, 11)))
print(repr(linecache.getline(__file__, 100000)), repr(linecache.getline(__file__, 0)))
print(len(linecache.getlines(__file__)) > 30)
print(repr(linecache.getline('/no/such/file.py', 1)))
linecache.checkcache(__file__)
print(repr(linecache.getline(__file__, 1)))
print(inspect.getsource(sample), end='')
print(inspect.getsource(Sample.method), end='')
print(inspect.getsourcelines(sample)[1], inspect.getsourcelines(Sample)[1])
print(inspect.getsource(json.dumps).splitlines()[0])
print(repr(linecache.getline(json.__file__, 1)[:10]))
print(inspect.getsource(sys.modules[__name__]).splitlines()[0])
try:
    inspect.getsource(len)
except TypeError as e:
    print('TypeError', e)

def fail():
    return 1 / 0
try:
    fail()
except ZeroDivisionError:
    lines = traceback.format_exc().splitlines()
    print([l.strip() for l in lines if not l.strip().startswith('File')])
frame = traceback.extract_stack()[-1]
print(frame.line, frame.name, frame.lineno)
