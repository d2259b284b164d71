# TypeErrors raised by calls with the wrong arguments, with CPython's messages.
def f(a, b=1):
    return a + b

def g(*, key):
    return key

def h(x, /):
    return x

def attempt(thunk):
    try:
        thunk()
    except TypeError as e:
        print("TypeError:", e)

attempt(lambda: f())
attempt(lambda: f(1, 2, 3))
attempt(lambda: f(1, c=2))
attempt(lambda: f(1, a=2))
attempt(lambda: g(1))
attempt(lambda: g())
attempt(lambda: h(x=1))
attempt(lambda: len())
attempt(lambda: len([], []))
attempt(lambda: (lambda: 0)(1))
def many(a, b, c):
    return a
attempt(lambda: many(1))
attempt(lambda: many())
