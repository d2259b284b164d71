# dict views: keys/values/items are live views; set operations on keys and items.
d = {"a": 1, "b": 2, "c": 3}
ks, vs, its = d.keys(), d.values(), d.items()
d["d"] = 4
del d["a"]
print(list(ks), list(vs), list(its), len(ks), "b" in ks, 4 in vs, ("c", 3) in its)
print(ks, vs, its)
print(sorted(ks & {"b", "z"}), sorted(ks | {"z"}), sorted(ks - {"b"}), ks == {"b", "c", "d"})
for k, v in sorted(d.items(), key=lambda kv: -kv[1]):
    print(k, v)
print(list(zip(d.keys(), d.values())) == list(d.items()), max(d.values()), min(d, key=d.get))
