# csv.writer: quoting modes, escapes, None/float values, the write() result.
import csv
import io


def w(rows, many=False, **kw):
    s = io.StringIO()
    try:
        wr = csv.writer(s, **kw)
        if many:
            res = wr.writerows(rows)
        else:
            res = [wr.writerow(r) for r in rows]
        print(repr(res), repr(s.getvalue()))
    except Exception as e:
        print(type(e).__name__, e, repr(s.getvalue()))


w([["a", "b", "c"], [1, 2, 3]])
w([["a,b", 'c"d', "e\nf", "g\rh"]])
w([[None, None], [None], [""], ["", ""], []])
w([[1.5, 0.1, 1e100, -0.0, float("inf")], [True, False, 10**30]])
w([["x", 1, 2.5, None, True]], quoting=csv.QUOTE_ALL)
w([["x", 1, 2.5, None, True, ""]], quoting=csv.QUOTE_NONNUMERIC)
w([["a", "b c"]], quoting=csv.QUOTE_NONE)
w([["a,b"]], quoting=csv.QUOTE_NONE)
w([["a,b", 'c"d', "e\\f"]], quoting=csv.QUOTE_NONE, escapechar="\\")
w([[""]], quoting=csv.QUOTE_NONE)
w([['c"d', "e\\f"]], escapechar="\\")
w([['c"d']], escapechar="\\", doublequote=False)
w([['c"d']], doublequote=False)
w([["a", "b"]], delimiter="\t", lineterminator="\n")
w([["a;b", "c,d"]], delimiter=";")
w([["a b", "c"]], quotechar="'", delimiter=" ")
w([["a\rb", "c\nd"]], lineterminator="\n")
w([["aXb", "c"]], lineterminator="X")
w([["é", "日本", "\U0001f600,"]])
w([["a", "b"], (1, 2), "xyz", range(3)], many=True)
w([["a"], 5], many=True)
w(5, many=True)
w([5])
w([iter(["g", "h"])])
w([("k", "v") for _ in range(3)], many=True, dialect="unix")


class Num:
    def __float__(self):
        return 1.0

    def __str__(self):
        return "num"


class Text:
    def __str__(self):
        return "text,with,commas"


w([[Num(), Text()]], quoting=csv.QUOTE_NONNUMERIC)
w([[Num(), Text()]])


class BadStr:
    def __str__(self):
        raise ValueError("no str")


w([["ok", BadStr()]])


# writerow returns whatever write returns
class Sink:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return "written %d" % len(s)


sink = Sink()
wr = csv.writer(sink)
print(wr.writerow(["a", "b"]), wr.writerows([["c"], ["d"]]), sink.parts)
print(type(wr).__name__, wr.dialect.delimiter)

for bad in [3, object()]:
    try:
        csv.writer(bad)
    except TypeError as e:
        print(type(e).__name__, e)


class NotCallable:
    write = 3


try:
    csv.writer(NotCallable())
except TypeError as e:
    print(type(e).__name__, e)
try:
    wr.writerow()
except TypeError as e:
    print(type(e).__name__, e)

# round trip
rows = [["a", 'b"c', "d,e", "f\r\ng", "", None, 3, 4.25]]
s = io.StringIO()
csv.writer(s).writerows(rows)
print(list(csv.reader(io.StringIO(s.getvalue(), newline=""))))


# numbers by kind under QUOTE_NONNUMERIC: int and float subclasses, complex, bool
class MyInt(int):
    pass


class MyFloat(float):
    pass


class MyStr(str):
    pass


w([[MyInt(3), MyFloat(0.5), 2 + 1j, False, MyStr("s,t"), "3"]], quoting=csv.QUOTE_NONNUMERIC)
w([[MyStr("a|b")]], delimiter=MyStr("|"))
