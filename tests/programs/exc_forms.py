# Less common exception forms: nested tuples in except, raise Class from Class, bad causes,
# lazily evaluated assert messages, mutable args, BaseException subclasses, add_note.
def attempt(label, fn):
    try:
        fn()
        print(label, "-> no exception")
    except Exception as e:
        cause = type(e.__cause__).__name__ if e.__cause__ is not None else None
        print(label, "->", type(e).__name__, repr(str(e)), "cause:", cause)

def nested_tuple():
    try:
        raise KeyError("k")
    except ((ValueError, KeyError), TypeError) as e:
        raise RuntimeError("caught by nested tuple") from e

def class_from_class():
    raise ValueError from KeyError

def bad_cause():
    raise ValueError("x") from 5

def lazy_assert():
    calls = []
    assert True, calls.append("evaluated")
    try:
        assert False, calls.append("evaluated") or "message"
    except AssertionError as e:
        return calls, str(e)

def mutate_args():
    e = ValueError("old")
    e.args = ("new", 2)
    raise e

class Stop(BaseException):
    pass

def base_exception():
    try:
        raise Stop("not an Exception")
    except Exception:
        print("wrongly caught by except Exception")
    except BaseException as e:
        raise RuntimeError("caught as BaseException: " + type(e).__name__)

def with_note():
    try:
        raise ValueError("bad value")
    except ValueError as e:
        e.add_note("while parsing line 3")
        raise RuntimeError(e.__notes__[0]) from e

attempt("nested tuple", nested_tuple)
attempt("class from class", class_from_class)
attempt("bad cause", bad_cause)
print("lazy assert ->", lazy_assert())
attempt("mutate args", mutate_args)
attempt("base exception", base_exception)
attempt("add_note", with_note)
