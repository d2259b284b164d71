# with-statement forms: tuple targets, attribute/subscript targets, parenthesised groups,
# truthy non-bool __exit__ results, context managers built from generators by hand.
class Pair:
    def __init__(self, a, b):
        self.pair = (a, b)
    def __enter__(self):
        return self.pair
    def __exit__(self, *exc):
        return 0

class Quiet:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        return "yes" if et is ZeroDivisionError else None

class Holder:
    pass

with Pair(1, 2) as (first, second):
    print(first, second)
h = Holder()
slots = [None]
with Pair("x", "y") as h.value, Pair(3, 4) as slots[0]:
    print(h.value, slots)
with (Pair("p", "q") as left,
      Pair("r", "s") as right):
    print(left, right)
with Quiet():
    1 / 0
print("ZeroDivisionError suppressed by a truthy string")
try:
    with Quiet():
        [][0]
except IndexError:
    print("IndexError not suppressed by None")
class FromGenerator:
    def __init__(self, gen):
        self.gen = gen
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, et, ev, tb):
        if et is None:
            next(self.gen, None)
            return False
        try:
            self.gen.throw(ev)
        except StopIteration:
            return True
        except BaseException as e:
            if e is ev:
                return False
            raise
def managed(name):
    print("open", name)
    try:
        yield name.upper()
    except KeyError as e:
        print("handled inside generator:", e)
    finally:
        print("close", name)
with FromGenerator(managed("a")) as value:
    print("using", value)
with FromGenerator(managed("b")):
    raise KeyError("missing")
print("after")
