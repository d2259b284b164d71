# Throwing into a generator that never ran raises before its first line: no except or
# finally of its body runs, and the generator is finished.
def gen():
    try:
        yield 1
    except TypeError:
        print("caught")
        yield 2
    finally:
        print("finally")


g = gen()
try:
    g.throw(TypeError("x"))
except TypeError as e:
    print("thrown", e)
print(list(g))

g = gen()
g = None
print("dropped unstarted")

g = gen()
g.close()
print(list(g))


def plain():
    yield 1


g = plain()
try:
    g.throw(StopIteration)
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)


async def co():
    try:
        return 1
    finally:
        print("co finally")


c = co()
try:
    c.throw(ValueError("v"))
except ValueError as e:
    print("co thrown", e)
try:
    c.send(None)
except RuntimeError as e:
    print(e)
c = co()
c.close()
print("closed")
