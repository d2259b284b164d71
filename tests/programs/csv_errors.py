# csv errors: strict mode, field size limit, bad input, writer failures.
import csv
import io


def rows(data, **kw):
    try:
        r = csv.reader(data, **kw)
        print(repr(list(r)))
    except csv.Error as e:
        print("csv.Error", e, isinstance(e, Exception))
    except Exception as e:
        print(type(e).__name__, e)


rows(['"a"b,c'], strict=True)
rows(['"a"b,c'])
rows(['"a" ,c'], strict=True)
rows(['"a";b'], strict=True, delimiter=";")
rows(["'a'x"], strict=True, quotechar="'")
rows(['"abc'], strict=True)
rows(['"abc'])
rows(['a,"b', 'c'], strict=True)
rows(["a\\"], escapechar="\\", strict=True)
rows(["a\rb,c"])
rows(["a\nb"])
rows(['"a\nb"'])
rows(["a\r", "\n"])
rows([b"a,b"])
rows(["ok", 5])
rows(3)
rows(["1,x"], quoting=csv.QUOTE_NONNUMERIC)
rows(["1,2 3"], quoting=csv.QUOTE_NONNUMERIC)
rows(["a"], bogus=1)
rows(["a"], delimiter="::")


def gen():
    yield "a,b"
    raise KeyError("boom")


rows(gen())

# the reader goes on after an error, at the next line
r = csv.reader(["1,2", "x,3", "4,5"], quoting=csv.QUOTE_NONNUMERIC)
out = []
for _ in range(4):
    try:
        out.append(next(r))
    except ValueError as e:
        out.append(str(e))
    except StopIteration:
        out.append("stop")
print(out, r.line_num)

# field size limit
print(csv.field_size_limit())
old = csv.field_size_limit(10)
print(old, csv.field_size_limit())
rows(["x" * 10])
rows(["x" * 11])
rows(['"' + "y" * 11 + '"'])
rows(["a," + "z" * 11])
csv.field_size_limit(old)
try:
    print(len(next(csv.reader(["w" * 131073]))[0]))
except csv.Error as e:
    print("csv.Error", e)
print(len(list(csv.reader(["v" * 131072]))[0][0]))
for bad in ["10", 1.5, True, 2**70]:
    try:
        csv.field_size_limit(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    csv.field_size_limit(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
print(csv.field_size_limit(new_limit=old), csv.field_size_limit())

for f in [lambda: csv.reader(), lambda: csv.reader([], "excel", 3), lambda: csv.writer(),
          lambda: csv.register_dialect(), lambda: type(csv.reader([]))(),
          lambda: type(csv.writer(io.StringIO()))()]:
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)

# writer errors
def w(row, **kw):
    s = io.StringIO()
    try:
        print(csv.writer(s, **kw).writerow(row), repr(s.getvalue()))
    except csv.Error as e:
        print("csv.Error", e)
    except Exception as e:
        print(type(e).__name__, e)


w(5)
w(None)
w(["a,b"], quoting=csv.QUOTE_NONE)
w(["a\nb"], quoting=csv.QUOTE_NONE)
w([""], quoting=csv.QUOTE_NONE)
w([None], quoting=csv.QUOTE_NONE)
w(["", ""], quoting=csv.QUOTE_NONE)
w(['a"b'], doublequote=False)
w(["ab"], quoting=csv.QUOTE_NONE)


class Fails:
    def write(self, s):
        raise OSError("disk full")


try:
    csv.writer(Fails()).writerow(["a"])
except OSError as e:
    print(type(e).__name__, e)


def bad_rows():
    yield ["a"]
    raise RuntimeError("rows")


s = io.StringIO()
try:
    csv.writer(s).writerows(bad_rows())
except RuntimeError as e:
    print(type(e).__name__, e, repr(s.getvalue()))
try:
    raise csv.Error("custom", 2)
except csv.Error as e:
    print(e.args)

# readers, writers and dialects do not pickle or copy
import copy
import pickle
import _csv


class SubDialect(_csv.Dialect):
    pass


for obj in [csv.reader([]), csv.writer(io.StringIO()), _csv.Dialect(), SubDialect()]:
    for f in [copy.copy, copy.deepcopy, pickle.dumps]:
        try:
            f(obj)
        except TypeError as e:
            print(type(e).__name__, e)
