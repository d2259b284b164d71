# format() of bools, None, containers and user objects: which types accept which specs.
print(repr(format(True, "")), repr(format(True, ">5")), repr(format(False, "^7")), repr(f"{True!s:>5}"))
print(repr(format("x", "")), repr(format(None, "")), repr(format([1, 2], "")), repr(format((1,), "")))
for value, spec in [(None, ">5"), ([1], ">5"), ({}, "d"), ("s", "d"), (1.5, "d"), (3, "s"), (True, "s")]:
    try:
        print(repr(format(value, spec)))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
class Plain:
    def __str__(self):
        return "plain"
print(repr(format(Plain(), "")), repr(f"{Plain()}"), repr(f"{Plain()!s:>8}"))
try:
    format(Plain(), ">8")
except TypeError as e:
    print("TypeError:", e)
