# repr of containers: nesting, empty ones, strings inside with quote choice, floats, None.
print([], (), {}, set(), [[]], [()], ((),), [{}], {"": ""})
print([1, "a", 'b"', "c'", 2.0, None, True, [3, (4, 5)], {"k": [6]}])
print((1,), (1, 2), ("x",), ((1,),), ([],))
print({1: "one", "two": 2, (3,): [3], None: None, 4.5: {}})
print({1, 2, 3}, {(1, 2)}, [{5}], {"nested": {"deeper": {"deepest": []}}})
print(["tab\t", "nl\n", "back\\", "uni\u00e9", "\x00"])
print([b"b", b"'", range(3), 10 ** 20, -0.0, 1e100])
a = [1, 2]
a.append(a)
print(a)
d = {"self": None}
d["self"] = d
print(d)
print(str([1, "s"]), repr([1, "s"]), str(("s",)), f"{['f']}")
