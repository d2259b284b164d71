# Built-in functions and methods called with too many or too few arguments raise TypeError.
calls = [
    ("len(1, 2)", lambda: len(1, 2)),
    ("abs()", lambda: abs()),
    ("'a'.upper(1)", lambda: "a".upper(1)),
    ("[].sort(1)", lambda: [].sort(1)),
    ("{}.keys(1)", lambda: {}.keys(1)),
    ("range(1, 2, 3, 4)", lambda: range(1, 2, 3, 4)),
    ("range()", lambda: range()),
    ("'a'.replace('a')", lambda: "a".replace("a")),
    ("sorted()", lambda: sorted()),
    ("isinstance(1)", lambda: isinstance(1)),
    ("getattr(1)", lambda: getattr(1)),
    ("hasattr()", lambda: hasattr()),
    ("[].insert(1)", lambda: [].insert(1)),
    ("{}.pop()", lambda: {}.pop()),
    ("divmod(1)", lambda: divmod(1)),
    ("pow(1)", lambda: pow(1)),
    ("zip(1)", lambda: zip(1)),
    ("enumerate()", lambda: enumerate()),
    ("'a'.join()", lambda: "a".join()),
    ("chr()", lambda: chr()),
    ("int(1, 2, 3)", lambda: int(1, 2, 3)),
]
for label, fn in calls:
    try:
        fn()
        print(label, "returned")
    except TypeError as e:
        print(label, "-> TypeError:", e)
