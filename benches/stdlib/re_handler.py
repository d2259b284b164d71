# A regex-heavy request handler: validates and normalises log-like request lines with
# compiled patterns (match, search, findall, finditer, sub with a function, split, named
# groups, fullmatch), as an access-log or form-validation handler does.
import re

LINE_RE = re.compile(
    r'^(?P<ip>\d{1,3}(?:\.\d{1,3}){3}) - (?P<user>[\w.-]+|-) \[(?P<ts>[^\]]+)\] '
    r'"(?P<method>GET|POST|PUT|DELETE) (?P<path>/[^ ?"]*)(?:\?(?P<query>[^ "]*))? HTTP/1\.[01]" '
    r'(?P<status>\d{3}) (?P<size>\d+|-)$')
EMAIL_RE = re.compile(r"^[a-z0-9._%+-]+@(?:[a-z0-9-]+\.)+[a-z]{2,}$", re.IGNORECASE)
PARAM_RE = re.compile(r"([^&=]+)=([^&]*)")
WORD_RE = re.compile(r"\b[a-z]{4,}\b")
ID_RE = re.compile(r"/(\d+)(?=/|$)")
SPACE_RE = re.compile(r"\s+")
DATE_RE = re.compile(r"(\d{2})/(\w{3})/(\d{4}):(\d{2}):(\d{2}):(\d{2})")
MONTHS = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "May": 5, "Jun": 6}
PATHS = ["/api/users/%d/orders", "/static/app.js", "/api/items/%d", "/search", "/login",
         "/api/users/%d/profile/edit"]
WORDS = ["apple", "river", "stone", "cloud", "ember", "quartz", "lumen", "orbit", "x", "yo"]


def make_line(i):
    x = (i * 2654435761) % 4294967296
    path = PATHS[x % len(PATHS)]
    if "%d" in path:
        path = path % (x % 100000)
    query = "" if x % 3 == 0 else "?q=%s+%s&page=%d&email=%s" % (
        WORDS[x % 10], WORDS[(x >> 4) % 10], x % 50, ["ann@example.com", "bad@", "b.o+b@mail.example.org"][x % 3])
    return '%d.%d.%d.%d - %s [%02d/%s/2024:%02d:%02d:%02d +0000] "%s %s%s HTTP/1.1" %d %s' % (
        x % 256, (x >> 8) % 256, (x >> 16) % 256, (x >> 24) % 256,
        ["-", "alice", "bob.smith", "c-3po"][x % 4], 1 + x % 28,
        list(MONTHS)[(x >> 3) % 6], x % 24, (x >> 5) % 60, (x >> 7) % 60,
        ["GET", "POST", "PUT", "DELETE"][(x >> 9) % 4], path, query,
        [200, 201, 304, 404, 500][(x >> 11) % 5], "-" if x % 7 == 0 else str(x % 65536))


def handle(line):
    m = LINE_RE.match(line)
    if m is None:
        return ("reject", line[:10])
    params = dict(PARAM_RE.findall(m.group("query") or ""))
    email = params.get("email", "")
    ok_email = bool(EMAIL_RE.fullmatch(email)) if email else None
    terms = WORD_RE.findall(params.get("q", "").replace("+", " "))
    ids = [int(n) for n in ID_RE.findall(m.group("path"))]
    d = DATE_RE.search(m.group("ts"))
    stamp = "%s-%02d-%sT%s:%s:%s" % (d.group(3), MONTHS[d.group(2)], d.group(1), *d.group(4, 5, 6))
    route = ID_RE.sub(lambda g: "/{id}", m.group("path"))
    norm = SPACE_RE.sub(" ", " ".join(re.split(r"[/_.-]+", route))).strip()
    spans = [s.span() for s in WORD_RE.finditer(norm)]
    return (m.group("method"), route, norm, stamp, ids, terms, ok_email,
            int(m.group("status")), m.group("size"), len(spans))


lines = [make_line(i) for i in range(2000)]
lines.append("garbage line")
check = 0
routes = {}
for _ in range(10):
    for line in lines:
        r = handle(line)
        routes[r[1]] = routes.get(r[1], 0) + 1
        check = (check * 31 + len(repr(r))) % 1000003
print(check, sorted(routes.items())[:6], len(routes))
print(handle(lines[1]))
