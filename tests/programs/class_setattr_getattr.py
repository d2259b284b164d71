# hasattr/getattr/setattr/delattr on instances and classes, with computed names.
class Record:
    fields = ("name", "age")

    def __init__(self, **values):
        for key, value in values.items():
            setattr(self, key, value)

r = Record(name="ada", age=36)
for field in Record.fields:
    print(field, getattr(r, field))
setattr(r, "email", "ada@example.org")
print(r.email, hasattr(r, "email"), hasattr(r, "phone"), getattr(r, "phone", None))
delattr(r, "age")
print(hasattr(r, "age"), sorted(r.__dict__))
setattr(Record, "version", 2)
print(Record.version, r.version, getattr(Record, "fields"))
method = getattr(r, "__init__")
method(extra=True)
print(r.extra)
try:
    delattr(r, "nothing")
except AttributeError as e:
    print("AttributeError:", e)
