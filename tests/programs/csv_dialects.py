# csv dialects: the registry, Dialect attributes and validation, subclasses, Sniffer.
import csv
import io
import _csv


def show(d):
    return (d.delimiter, d.quotechar, d.escapechar, d.doublequote, d.skipinitialspace,
            d.lineterminator, d.quoting, d.strict)


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(sorted(csv.list_dialects()))
for name in ["excel", "excel-tab", "unix"]:
    print(name, show(csv.get_dialect(name)))
print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE)
print(csv.__version__, csv.Error.__mro__[1].__name__, type(csv.get_dialect("excel")).__name__)

csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_ALL)
print(show(csv.get_dialect("pipes")))
csv.register_dialect("semi", "excel", delimiter=";")
print(show(csv.get_dialect("semi")))
print(sorted(csv.list_dialects()))
s = io.StringIO()
csv.writer(s, "pipes").writerow(["a", 1])
csv.writer(s, "semi").writerow(["b;c", 2])
print(repr(s.getvalue()))
print(list(csv.reader(["x;y"], "semi")))
csv.unregister_dialect("pipes")
print(sorted(csv.list_dialects()))
t("unregister again", lambda: csv.unregister_dialect("pipes"))
t("get unknown", lambda: csv.get_dialect("nope"))
t("reader unknown", lambda: csv.reader([], "nope"))
t("register non-str", lambda: csv.register_dialect(3))
t("get no arg", lambda: csv.get_dialect())
t("get by keyword", lambda: csv.get_dialect(name="excel").delimiter)
t("unregister unhashable", lambda: csv.unregister_dialect([]))
t("get unhashable", lambda: csv.get_dialect([]))


class Custom(csv.Dialect):
    delimiter = ":"
    quotechar = "'"
    doublequote = False
    escapechar = "\\"
    skipinitialspace = True
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL


csv.register_dialect("custom", Custom)
print(show(csv.get_dialect("custom")))
s = io.StringIO()
w = csv.writer(s, Custom)
w.writerow(["a:b", "it's", "c"])
print(repr(s.getvalue()))
print(list(csv.reader(io.StringIO(s.getvalue()), Custom)))
c = Custom()
print(c.delimiter, c.escapechar, c._valid, hasattr(c, 'strict'))


class Plain:
    delimiter = "#"


print(show(_csv.Dialect(Plain)), show(_csv.Dialect(Plain())))
print(list(csv.reader(["a#b"], Plain)))

# keyword options override the dialect's
print(show(_csv.Dialect("excel", delimiter="\t", strict=1)))
d = _csv.Dialect()
print(show(d), _csv.Dialect(d) is d, _csv.Dialect(d, delimiter=";") is d)
print(show(_csv.Dialect(quotechar=None)))
print(show(_csv.Dialect(quotechar=None, escapechar="\\")))
print(show(_csv.Dialect(lineterminator="")))
print(show(_csv.Dialect(doublequote=0, skipinitialspace=[1], strict="")))


class Sub(_csv.Dialect):
    pass


print(type(Sub(delimiter=";")).__name__, type(Sub()).__name__, Sub(delimiter=";").delimiter)

for kw in [
    dict(delimiter=""), dict(delimiter="ab"), dict(delimiter=1), dict(delimiter=None),
    dict(quotechar=""), dict(quotechar="ab"), dict(quotechar=1),
    dict(quotechar=None, quoting=csv.QUOTE_MINIMAL),
    dict(escapechar=""), dict(escapechar="ab"), dict(escapechar=3),
    dict(lineterminator=None), dict(lineterminator=3),
    dict(quoting=7), dict(quoting=-1), dict(quoting="a"), dict(quoting=1.0), dict(quoting=True),
    dict(quoting=2**40), dict(delimiter="", quoting=9), dict(foo=1),
]:
    t(sorted(kw), lambda: show(_csv.Dialect(**kw)))
t("too many", lambda: _csv.Dialect(*range(10)))
t("by name and position", lambda: _csv.Dialect("excel", dialect="excel"))

# attributes are read-only
for attr in ["delimiter", "quotechar", "quoting", "strict", "doublequote"]:
    try:
        setattr(d, attr, "x")
    except AttributeError as e:
        print(attr, type(e).__name__, e)
try:
    d.other = 1
except AttributeError as e:
    print("other", type(e).__name__)


# csv.Dialect subclasses validate themselves, raising csv.Error
class Incomplete(csv.Dialect):
    delimiter = ";"


class BadDelim(csv.excel):
    delimiter = ""


class BadQuoting(csv.excel):
    quoting = 9


for cls in [Incomplete, BadDelim, BadQuoting, csv.Dialect]:
    try:
        cls()
        print(cls.__name__, "ok")
    except csv.Error as e:
        print(cls.__name__, type(e).__name__, e)

# the Sniffer
sample = "name;age;city\r\nann;31;'new york'\r\nbob;42;paris\r\n"
sn = csv.Sniffer()
dialect = sn.sniff(sample)
print(repr(dialect.delimiter), repr(dialect.quotechar), dialect.doublequote,
      dialect.skipinitialspace)
print(sn.has_header(sample))
print(list(csv.reader(io.StringIO(sample), dialect)))
sample2 = "a,b,c\n1,2,3\n4,5,6\n"
d2 = sn.sniff(sample2)
print(repr(d2.delimiter), sn.has_header(sample2))
print(repr(sn.sniff("x|y|z\n1|2|3\n", delimiters="|").delimiter))
try:
    sn.sniff("")
except csv.Error as e:
    print(type(e).__name__, e)
