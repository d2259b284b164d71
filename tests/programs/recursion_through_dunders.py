# Unbounded recursion through special methods, properties and builtins raises RecursionError
# (caught here) rather than overflowing the native stack.
class SelfRepr:
    def __repr__(self):
        return "<" + repr(self) + ">"

class SelfEq:
    def __eq__(self, other):
        return self == other

class BadGetattr:
    def __getattr__(self, name):
        return self.fallback

class SelfLen:
    def __len__(self):
        return len(self)

class Loop:
    @property
    def value(self):
        return self.value

class Items:
    def __getitem__(self, i):
        return self[i]

def via_sorted(x):
    return sorted([x, x], key=via_sorted)

def via_map(x):
    return list(map(via_map, [x]))

cases = [
    ("repr", lambda: repr(SelfRepr())),
    ("eq", lambda: SelfEq() == 1),
    ("getattr", lambda: BadGetattr().anything),
    ("len", lambda: len(SelfLen())),
    ("property", lambda: Loop().value),
    ("getitem", lambda: Items()[0]),
    ("sorted key", lambda: via_sorted(1)),
    ("map", lambda: via_map(1)),
    ("str.format", lambda: "{}".format(SelfRepr()) and None),
    ("f-string", lambda: f"{SelfRepr()!r}"),
]
for label, fn in cases:
    try:
        fn()
        print(label, "returned")
    except RecursionError:
        print(label, "RecursionError")
print("still alive", repr([1, 2]))
