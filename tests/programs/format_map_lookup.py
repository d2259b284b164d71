# str.format_map looks each name up in the mapping as its field is rendered, and refuses
# positional fields as CPython does.


class Recording(dict):
    def __missing__(self, key):
        print("  missing", key)
        return "<" + key + ">"


class Loud:
    def __init__(self, tag):
        self.tag = tag

    def __format__(self, spec):
        print("  format", self.tag, repr(spec))
        return self.tag


def show(label, fmt, mapping):
    try:
        print(label, repr(fmt.format_map(mapping)))
    except Exception as e:
        print(label, type(e).__name__, e)


show("plain", "{a}-{b}", {"a": 1, "b": 2})
show("missing", "{a} {zz} {yy}", Recording(a=1))
show("order", "{x}{y}", {"x": Loud("X"), "y": Loud("Y")})
show("nested spec", "{v:{w}}|", {"v": "ab", "w": ">5"})
show("nested missing", "{v:{w}}|", Recording(v=3))
show("attr", "{d.real} {d.imag}", {"d": 3})
show("index", "{l[1]} {m[k]}", {"l": [1, 2], "m": {"k": "K"}})
show("auto", "{}", {})
show("positional", "{0}", {"0": 1})
show("after name", "{a}{}", {"a": 1})
show("key error", "{nope}", {})
show("not mapping", "{a}", [1])
show("conv", "{a!r:>6}", {"a": "q"})
show("escaped", "{{a}} {a}", {"a": 1})
