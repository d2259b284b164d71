# Less common str methods: translate/maketrans, format_map, isascii, rindex, index errors,
# startswith with ranges, count with ranges, encode errors, splitlines(keepends).
table = str.maketrans("abc", "xyz", "d")
print("abcdabcd".translate(table), "hello".translate({ord("l"): "L", ord("o"): None}))
print(str.maketrans({"a": "1", "b": None}) == {97: "1", 98: None})
print("{name} is {age}".format_map({"name": "Ada", "age": 36}), "ascii".isascii(), "é".isascii())
print("abcabc".rindex("b"), "abcabc".count("a", 1), "abcabc".count("a", 1, 3), "hello".startswith("l", 2, 4))
print("a\nb\r\nc".splitlines(keepends=True), "abc".endswith("b", None, 2), "x".center(4, "-"))
for fn in [lambda: "abc".rindex("z"), lambda: "abc".index("c", 0, 2), lambda: "é".encode("ascii")]:
    try:
        fn()
    except ValueError as e:
        print(type(e).__name__ + ":", e)
print("é".encode("ascii", "replace"), "é".encode("ascii", "ignore"), b"\xff".decode("utf-8", "replace"))
print("%".join(["a", "b"]), "tab\tstop".expandtabs(3), "Title Me".istitle(), "12".rjust(5, "0"))
