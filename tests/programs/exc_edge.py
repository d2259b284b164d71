# Exception edge cases: bad raise/except operands, re-raise without an active exception,
# exception variables cleared, exceptions replaced in finally, StopIteration inside generators.
def attempt(label, thunk):
    try:
        thunk()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

def raise_int():
    raise 5

def reraise_nothing():
    raise

def catch_non_class():
    try:
        1 / 0
    except 5:
        pass

def finally_replaces():
    try:
        raise KeyError("first")
    finally:
        raise ValueError("second")

def gen_stop():
    yield 1
    raise StopIteration("inside")

attempt("raise 5", raise_int)
attempt("bare raise", reraise_nothing)
attempt("except 5", catch_non_class)
attempt("finally", finally_replaces)
attempt("generator", lambda: list(gen_stop()))
print(str(ValueError(5)), str(ValueError(5, 6)), repr(ValueError("a", 1)), str(Exception()))
try:
    raise ValueError("x")
except ValueError as err:
    pass
try:
    err
except NameError as e:
    print("cleared:", e)
def else_raises():
    try:
        pass
    except ValueError:
        print("not here")
    else:
        raise IndexError("from else")
attempt("else", else_raises)
def loop_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise RuntimeError("skip")
            out.append(i)
        except RuntimeError:
            continue
        finally:
            out.append("f" + str(i))
    return out
print(loop_finally())
