# The empty str and bytes hash to 0, as in CPython, and dicts agree with hash() for a key
# whose __hash__ returns it; sys.version parses for `platform`.
import platform
import sys

print(hash(""), hash(b""), hash("") == hash(b""))
print(hash("" + ""), hash("abc"[3:]), hash(str()), hash(bytes()))


class EmptyLike:
    def __hash__(self):
        return hash("")

    def __eq__(self, other):
        return other == ""


d = {"": "found"}
print(d[EmptyLike()], EmptyLike() in {""}, "" in {0: 1}, hash(0) == hash(""))
print({"": 1, 0: 2, b"": 3})
print(platform.python_implementation())
print(platform.python_version() == "%d.%d.%d" % sys.version_info[:3])
print(sys.version.split()[0] == platform.python_version())
print(len(platform.python_version_tuple()))


def grow():
    s = ""
    for part in ("a", "", "bc"):
        s += part
    return s


g = grow()
print(hash(g) == hash("abc"), {"abc": 1}.get(g), g in {"abc"})
e = ""
e += ""
print(hash(e), e == "")


def grow_from_heap_empty(n):
    s = "abc"[n:]
    s += "xy"
    s += "z"
    return s


h = grow_from_heap_empty(3)
print(h, hash(h) == hash("xyz"), {"xyz": "found"}.get(h), h in {"xyz"}, "".join([]) + "q" in {"q"})
