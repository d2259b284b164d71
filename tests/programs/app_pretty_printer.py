# A JSON-like serializer and pretty printer for nested data, with escaping and sorting options.
def escape(s):
    out = []
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20:
            out.append("\\u" + hex(ord(ch))[2:].zfill(4))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def dumps(value, indent=None, sort_keys=False, level=0):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, (list, tuple)):
        items = [dumps(v, indent, sort_keys, level + 1) for v in value]
        return wrap("[", "]", items, indent, level)
    if isinstance(value, dict):
        keys = sorted(value) if sort_keys else list(value)
        items = [escape(str(k)) + ": " + dumps(value[k], indent, sort_keys, level + 1) for k in keys]
        return wrap("{", "}", items, indent, level)
    raise TypeError(f"Object of type {type(value).__name__} is not serializable")


def wrap(open_, close, items, indent, level):
    if not items:
        return open_ + close
    if indent is None:
        return open_ + ", ".join(items) + close
    pad = " " * (indent * (level + 1))
    return open_ + "\n" + ",\n".join(pad + item for item in items) + "\n" + " " * (indent * level) + close


doc = {
    "name": "permafrost",
    "version": (0, 1, 0),
    "tags": ["fork", "cow", "read-only"],
    "stats": {"workers": 4, "ratio": 0.75, "big": 2 ** 70, "neg": -1.5e-7},
    "flags": {"debug": False, "verbose": True, "extra": None},
    "text": 'quote " back \\ nl \n tab \t bell \x07',
    "empty": {"list": [], "dict": {}},
}
print(dumps(doc))
print(dumps(doc, indent=2, sort_keys=True))
print(dumps([[1, [2, [3, []]]]], indent=1))
try:
    dumps({"bad": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
