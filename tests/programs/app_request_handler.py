# A small HTTP-like request router: parsing, routing with parameters, handlers, errors, logs.
class HttpError(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status


class Request:
    def __init__(self, raw):
        head, _, body = raw.partition("\n\n")
        lines = head.split("\n")
        self.method, self.path = lines[0].split(" ", 1)
        self.headers = {}
        for line in lines[1:]:
            key, _, value = line.partition(":")
            self.headers[key.strip().lower()] = value.strip()
        self.body = body


class Router:
    def __init__(self):
        self.routes = []

    def route(self, method, pattern):
        def register(handler):
            self.routes.append((method, pattern.strip("/").split("/"), handler))
            return handler
        return register

    def dispatch(self, request):
        parts = request.path.strip("/").split("/")
        for method, pattern, handler in self.routes:
            if len(pattern) != len(parts):
                continue
            params = {}
            for want, got in zip(pattern, parts):
                if want.startswith("<") and want.endswith(">"):
                    params[want[1:-1]] = got
                elif want != got:
                    break
            else:
                if method != request.method:
                    raise HttpError(405, "method not allowed")
                return handler(request, **params)
        raise HttpError(404, "no route for " + request.path)


app = Router()
USERS = {"1": {"name": "ada", "langs": ["python", "rust"]}, "2": {"name": "bob", "langs": []}}


@app.route("GET", "/users")
def list_users(request):
    return 200, sorted(u["name"] for u in USERS.values())


@app.route("GET", "/users/<uid>")
def get_user(request, uid):
    if uid not in USERS:
        raise HttpError(404, f"user {uid} not found")
    return 200, USERS[uid]


@app.route("POST", "/users/<uid>/langs")
def add_lang(request, uid):
    lang = request.body.strip()
    if not lang:
        raise HttpError(400, "empty body")
    USERS[uid]["langs"].append(lang)
    return 201, {"count": len(USERS[uid]["langs"])}


def handle(raw):
    try:
        status, payload = app.dispatch(Request(raw))
    except HttpError as e:
        status, payload = e.status, {"error": str(e)}
    except Exception as e:
        status, payload = 500, {"error": type(e).__name__}
    return f"{status} {payload}"


requests = [
    "GET /users\nHost: example",
    "GET /users/1\nAccept: json",
    "GET /users/9",
    "POST /users/2/langs\nContent-Type: text\n\ngo\n",
    "POST /users/2/langs\n\n   ",
    "DELETE /users/1",
    "GET /nothing/here",
    "POST /users/7/langs\n\nc",
    "GET /users/2",
]
for raw in requests:
    print(handle(raw))
print(Request("GET /x\nX-Trace: abc\nAccept: */*").headers)
