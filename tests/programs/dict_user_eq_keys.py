# A plain key (a str) finds a stored key of equal hash whose __eq__ says equal; keys
# removed and added back during iteration raise; slot wrappers check their arguments;
# __pow__ takes the modulus.
class StrSub(str):
    pass


class Key3:
    def __hash__(self):
        return hash("key3")

    def __eq__(self, other):
        return isinstance(other, Key3) or isinstance(other, str) and other == "key3"


for key3 in (StrSub("key3"), Key3()):
    d = {"key1": 42, "key2": 43, key3: 44}
    print(d.get("key3"), d.get(StrSub("key3")), d.get(Key3()), "key3" in d, d["key3"])
    d["key3"] = 45
    print(len(d), d[key3], list(d.values()))
    del d["key3"]
    print(len(d), "key3" in d)
    d2 = {"key3": 1}
    print(d2.get(key3), key3 in d2)
    d2.setdefault(key3, 2)
    print(d2)

d = {0: 0, 1: 1}
try:
    for k, v in d.items():
        del d[k]
        d[k] = v
    print("no error")
except RuntimeError as e:
    print(type(e).__name__, e)

for f in [
    lambda: [].__contains__(),
    lambda: (1).__add__(),
    lambda: [].__len__(1),
    lambda: (2).__pow__(3, 5),
    lambda: (3).__rpow__(2, 5),
    lambda: (2).__pow__(3, None),
    lambda: [1].__getitem__(0),
    lambda: (1).__eq__(1),
    lambda: "a".__lt__("b"),
    lambda: [].__len__(),
    lambda: (1).__neg__(),
    lambda: (1).__neg__(2),
    lambda: (5).__divmod__(3),
]:
    try:
        print(f())
    except TypeError as e:
        print(type(e).__name__, e)
