# csv.reader over io.StringIO and lists: quoting, escapes, multi-line fields, line_num.
import csv
import io


def rows(data, **kw):
    src = io.StringIO(data, newline="") if isinstance(data, str) else data
    try:
        r = csv.reader(src, **kw)
        out = list(r)
        print(repr(out), r.line_num)
    except Exception as e:
        print(type(e).__name__, e)


rows("a,b,c\r\n1,2,3\r\n")
rows("a,b,c\n1,2,3\n")
rows("a,b,c")
rows("")
rows("\r\n\r\n")
rows("a,,c,\r\n,\r\n,,\r\n")
rows('"a,b","c""d",e\r\n')
rows('"multi\nline\r\nfield",x\r\ny,z\r\n')
rows('"abc"def,g\r\n')
rows('ab"c,"d"\r\n')
rows('"unterminated\r\n')
rows("a\rb\rc\r")
rows("a;b;c\r\n", delimiter=";")
rows("a\tb\tc\r\n", dialect="excel-tab")
rows("  a,  b,   c\r\n", skipinitialspace=True)
rows("  a,  b\r\n")
rows("'a,b',c\r\n", quotechar="'")
rows('a\\,b,c\\\\d\r\n', escapechar="\\", quoting=csv.QUOTE_NONE)
rows('"a\\"b",c\r\n', escapechar="\\", doublequote=False)
rows('"a""b",c\r\n', doublequote=False)
rows('"a",b\r\n', quoting=csv.QUOTE_NONE)
rows('"a",b\r\n', quotechar=None)
rows("é,ü,日本\r\n€,\U0001f600\r\n")
rows(["a,b", "c,d", "", "e"])
rows(iter(["x,y\n", "z\n"]))
rows(("1,2", "3,4"))
rows('1,2.5,-3e2,"x"\r\n', quoting=csv.QUOTE_NONNUMERIC)
rows(' 1, 2\r\n', quoting=csv.QUOTE_NONNUMERIC, skipinitialspace=True)
rows('1,,3\r\n', quoting=csv.QUOTE_NONNUMERIC)
rows('1,x\r\n', quoting=csv.QUOTE_NONNUMERIC)
rows('a\\\nb,c\r\n', escapechar="\\")
rows('a\\', escapechar="\\")
rows("a,b\x00c\r\n")
rows("a|b|c\n", delimiter="|", lineterminator="\n")

# line_num counts input lines, not records
r = csv.reader(io.StringIO('a,"b\nc"\r\nd\r\n', newline=""))
print(r.line_num, next(r), r.line_num, next(r), r.line_num)
try:
    next(r)
except StopIteration:
    print("stop", r.line_num)

# the reader is its own iterator
r = csv.reader(["a"])
print(iter(r) is r, type(r).__name__, type(r).__module__)
d = r.dialect
print(d.delimiter, repr(d.quotechar), d.escapechar, d.doublequote, d.skipinitialspace,
      repr(d.lineterminator), d.quoting, d.strict)
try:
    r.line_num = 3
except AttributeError as e:
    print(type(e).__name__, e)

# input from a generator with side effects
def gen():
    yield "p,q"
    yield '"r'
    yield 's",t'

for row in csv.reader(gen()):
    print(row)

# a long file
data = "".join("%d,%s,%r\r\n" % (i, "x" * i, i / 3) for i in range(50))
total = 0
for row in csv.reader(io.StringIO(data, newline="")):
    total += int(row[0]) + len(row[1])
print(total)
