# Deleting the only key of a dict and adding another while iterating is CPython's
# "dictionary keys changed during iteration", as is any delete-and-add that keeps the size.

def run(d, mutate):
    seen = []
    try:
        for k in d:
            seen.append(k)
            mutate(d, k)
    except RuntimeError as e:
        print("RuntimeError:", e, "after", seen)
    else:
        print("finished:", seen)


def replace_only(d, k):
    del d[k]
    d["b"] = 2


run({"a": 1}, replace_only)
run({"a": 1, "c": 3}, lambda d, k: (d.pop(k), d.__setitem__(k + "x", 0)))
run({"a": 1}, lambda d, k: (d.clear(), d.__setitem__("z", 1)))
run({"a": 1}, lambda d, k: d.__setitem__(k, 5))


def values_replaced(d, k):
    d.popitem()
    d["q"] = 0


for view in ("keys", "values", "items"):
    d = {"only": 1}
    try:
        for x in getattr(d, view)():
            del d["only"]
            d["other"] = 2
    except RuntimeError as e:
        print(view, "RuntimeError:", e)

# The emptied dict keeps working as a dict afterwards.
d = {i: i for i in range(5)}
for i in range(5):
    del d[i]
print(d, len(d))
for i in range(100):
    d[i % 7] = i
    if i % 3 == 0:
        del d[i % 7]
print(sorted(d.items()), len(d))
d = {"k": 1}
for _ in range(50):
    del d["k"]
    d["k"] = 2
print(d, list(d), list(d.values()))
