# A class's __dict__ is a live, read-only mappingproxy; mappingproxy over a dict.

def t(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class C:
    a = 1

    def m(self):
        return 2


d = C.__dict__
t("type", lambda: (type(d).__name__, type(d) is type(int.__dict__)))
t("getitem", lambda: (d["a"], "m" in d, "zz" in d, d.get("zz", 9), d.get("a")))
C.b = 3
t("live", lambda: (d["b"], "b" in d, sorted(k for k in d if not k.startswith("__"))))
t("readonly", lambda: d.__setitem__("c", 1))


def assign():
    d["c"] = 1


t("item assignment", assign)
t("del", lambda: d.__delitem__("a"))
t("keys", lambda: sorted(k for k in d.keys() if not k.startswith("__")))
t("items", lambda: sorted((k, v) for k, v in d.items() if k in ("a", "b")))
t("len", lambda: len(d) == len(dict(d)))
t("copy", lambda: (type(d.copy()).__name__, d.copy()["a"]))
t("missing", lambda: d["nope"])
t("eq", lambda: d == dict(d))
t("hash", lambda: hash(d))
t("vars", lambda: type(vars(C)).__name__)
MP = type(type.__dict__)
p = MP({"x": 1})
t("proxy of dict", lambda: (repr(p), p["x"], list(p), len(p), str(p)))
t("or", lambda: (p | {"y": 2}, {"y": 2} | p))
t("not mapping", lambda: MP([1, 2]))
t("mappingproxy name", lambda: (MP.__name__, repr(MP)))
src = {"k": 1}
live = MP(src)
src["k2"] = 2
t("live dict", lambda: dict(live))
t("setattr", lambda: setattr(live, "x", 1))


class NoDoc:
    z = 1


class WithDoc:
    "documented"


t("namespace order", lambda: [k for k in NoDoc.__dict__ if k not in ("__dict__", "__weakref__")])
t("doc entries", lambda: (NoDoc.__dict__["__doc__"], WithDoc.__dict__["__doc__"], C.__doc__))
