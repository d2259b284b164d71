# csv.DictReader and csv.DictWriter over io.StringIO.
import csv
import io

data = "name,age,city\r\nann,31,Oslo\r\nbob,42\r\ncid,7,Rome,extra,more\r\n\r\ndee,,\r\n"
r = csv.DictReader(io.StringIO(data, newline=""))
print(r.fieldnames, r.line_num)
for row in r:
    print(sorted(row.items(), key=lambda kv: str(kv[0])), r.line_num)

r = csv.DictReader(io.StringIO(data, newline=""), restkey="rest", restval="?")
for row in r:
    print(row)

r = csv.DictReader(["1;2", "3;4"], fieldnames=["x", "y"], delimiter=";")
print(list(r))
print(list(csv.DictReader([])), csv.DictReader([]).fieldnames)
r = csv.DictReader(['"a","b"', "1,2"], quoting=csv.QUOTE_NONNUMERIC)
print(list(r))

s = io.StringIO()
w = csv.DictWriter(s, fieldnames=["id", "name", "score"])
print(w.writeheader())
print(w.writerow({"id": 1, "name": "x,y", "score": 2.5}))
w.writerow({"id": 2, "name": 'q"uote'})
w.writerows([{"id": 3, "name": None, "score": 0}, {"score": 9}])
print(repr(s.getvalue()))

s = io.StringIO()
w = csv.DictWriter(s, ["a", "b"], restval="NA", extrasaction="ignore", quoting=csv.QUOTE_ALL)
w.writeheader()
w.writerow({"a": 1, "c": 3})
print(repr(s.getvalue()))

w = csv.DictWriter(io.StringIO(), ["a"])
try:
    w.writerow({"a": 1, "zz": 2, "yy": 3})
except ValueError as e:
    print(type(e).__name__, e)
try:
    csv.DictWriter(io.StringIO(), ["a"], extrasaction="bad")
except ValueError as e:
    print(type(e).__name__, e)

# round trip through a dict writer and reader
s = io.StringIO()
rows = [{"k": str(i), "v": "line\n%d" % i} for i in range(4)]
w = csv.DictWriter(s, ["k", "v"], lineterminator="\n")
w.writeheader()
w.writerows(rows)
back = list(csv.DictReader(io.StringIO(s.getvalue(), newline="")))
print(back == rows, back[1])
