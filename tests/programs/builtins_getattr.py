# hasattr/getattr with defaults on built-in values, and bound methods fetched with getattr.
s = "text"
print(hasattr(s, "upper"), hasattr(s, "nope"), getattr(s, "upper")(), getattr(s, "nope", "dflt"))
lst = []
append = getattr(lst, "append")
append(1)
append(2)
print(lst, hasattr([], "sort"), hasattr(5, "bit_length"), getattr(5, "bit_length")())
for name in ["keys", "values", "missing"]:
    print(name, hasattr({}, name))
try:
    getattr(s, "missing")
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(3, "real", None), getattr(None, "x", "none has no x"))
