# Raising (or throwing) a class whose __new__ answers something other than an instance of it.
class E(Exception):
    def __new__(cls, *args, **kwargs):
        return cls


class F(Exception):
    def __new__(cls, *args, **kwargs):
        return 42


for cls in (E, F):
    try:
        raise cls
    except TypeError as e:
        print(type(e).__name__, str(e).replace(__name__ + ".", ""))


def boring():
    yield


g = boring()
try:
    g.throw(E)
except TypeError as e:
    print("throw:", type(e).__name__, "should have returned" in str(e))
try:
    next(g)
except StopIteration:
    print("exhausted")


def guarded():
    try:
        yield
    except TypeError as e:
        print("inside:", type(e).__name__)


g = guarded()
next(g)
try:
    g.throw(E)
except StopIteration:
    print("stopped")
