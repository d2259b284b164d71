# User exception classes: hierarchy, super().__init__, extra attributes, str/repr/args.
class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, resource, ident):
        super().__init__(f"{resource} {ident} not found")
        self.resource = resource
        self.ident = ident

class Invalid(AppError):
    def __init__(self, field, reason="bad value"):
        super().__init__(field, reason)
        self.field = field

    def __str__(self):
        return f"invalid {self.field}: {self.args[1]}"

def fetch(kind):
    if kind == 1:
        raise NotFound("user", 42)
    if kind == 2:
        raise Invalid("email")
    if kind == 3:
        raise AppError("generic failure")
    return "ok"

for kind in range(4):
    try:
        print(fetch(kind))
    except NotFound as e:
        print("NotFound:", e, e.resource, e.ident, e.args, repr(e))
    except AppError as e:
        print(type(e).__name__ + ":", e, e.args, isinstance(e, Exception))
print(issubclass(NotFound, AppError), issubclass(Invalid, Exception), NotFound.__mro__[1].__name__)
class Empty(Exception):
    pass
print(repr(Empty()), str(Empty("x")), Empty("a", 1).args)
try:
    raise Invalid("age", "negative")
except Exception as e:
    print(repr(e), e.field)
