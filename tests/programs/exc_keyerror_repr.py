# KeyError's str is the repr of its key; other exceptions print their message as is.
for key in ["name", "it's", 42, (1, 2), None, 1.5, "", "line\nbreak"]:
    try:
        {}[key]
    except KeyError as e:
        print(str(e), "|", repr(e), "|", e.args)
try:
    raise KeyError()
except KeyError as e:
    print(repr(str(e)), repr(e), e.args)
try:
    raise KeyError("a", "b")
except KeyError as e:
    print(str(e), repr(e))
print(str(ValueError("it's")), repr(ValueError("it's")), repr(ValueError('say "x"')))
print(str(IndexError()), repr(IndexError()), repr(Exception(1, "two", [3])))
