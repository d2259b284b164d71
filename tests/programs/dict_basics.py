# dict: construction, insertion order, get/setdefault/pop/popitem/update, views, repr.
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.setdefault("a", 100), d.setdefault("n", []), d)
d["n"].append(1)
print(d.pop("n"), d.pop("missing", "dflt"), d)
d.update({"x": 9, "a": -1})
d.update(y=8)
d.update([("z", 7)])
print(d)
print(d.popitem(), d)
del d["b"]
print(d, dict(), dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict(zip("ab", [1, 2])))
print(dict({"k": 1}, v=2), dict.fromkeys([1, 2], 0), {1: "a", 1.0: "b", True: "c"})
e = d.copy()
e["new"] = 0
print(d == e, len(e), {1: 2} == {1: 2.0}, {"a": 1, "b": 2} == {"b": 2, "a": 1})
for k, v in e.items():
    print(k, v)
print({k: v * 2 for k, v in [("p", 1), ("q", 2)]}, {(1, 2): "t", None: 0, 3.5: "f"})
print(sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
e.clear()
print(e, bool(e), {**{"a": 1}, "b": 2, **{"a": 3}}, {"x": {"y": [1, {"z": ()}]}})
d2 = {1: "one"}
d2 |= {2: "two"}
print(d2, d2 | {3: "three"})
