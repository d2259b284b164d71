# raise with classes and instances, assert with and without a message.
def check(n):
    assert n > 0, "n must be positive, got " + str(n)
    return n

print(check(3))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert 1 == 2
except AssertionError as e:
    print("bare assert:", repr(e), e.args)
try:
    raise ValueError
except ValueError as e:
    print("class raised:", repr(e), e.args, str(e) == "")
try:
    raise KeyError("k", 2)
except KeyError as e:
    print("multi-arg:", e, e.args)
def thrower(exc):
    raise exc
for exc in [TypeError("t"), IndexError("i"), RuntimeError()]:
    try:
        thrower(exc)
    except Exception as e:
        print(type(e).__name__, repr(e))
try:
    raise Exception("a", "b")
except Exception as e:
    print(str(e), repr(e))
assert True, "never"
print("done")
