# The iterator protocol on built-in types: iter() of each container, shared iterators, exhaustion.
for container in ([1, 2], (3, 4), "ab", {5: "x", 6: "y"}, {7}, range(8, 10), b"AB"):
    it = iter(container)
    print(type(container).__name__, next(it), list(it), next(it, "end"))
shared = iter(range(6))
print(list(zip(shared, shared)))
d = {"a": 1, "b": 2}
print(list(iter(d.items())), list(iter(d.values())), list(iter(d.keys())))
it = iter([1, 2, 3])
for x in it:
    if x == 1:
        print("skipping", next(it))
    else:
        print("got", x)
gen = (i * i for i in range(3))
print(iter(gen) is gen, list(gen), list(gen))
e = enumerate(["a", "b"])
print(next(e), list(e))
print(list(map(list, [(), "ab"])), [list(iter(x)) for x in ["xy", (1,)]])
