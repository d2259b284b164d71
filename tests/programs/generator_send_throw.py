# Generator methods: send() delivers values, throw() raises inside, close() runs finally.
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total

g = accumulator()
print(next(g), g.send(5), g.send(10))
try:
    g.send(None)
except StopIteration as e:
    print("finished with", e.value)

def guarded():
    try:
        while True:
            try:
                yield "working"
            except ValueError as e:
                yield "recovered from " + str(e)
    finally:
        print("closing guarded")

h = guarded()
print(next(h), h.throw(ValueError("oops")), next(h))
h.close()
print("closed")
try:
    h.send(1)
except StopIteration:
    print("send after close raises StopIteration")
k = accumulator()
try:
    k.send(3)
except TypeError as e:
    print("TypeError:", e)
def echo():
    received = yield from accumulator()
    yield "inner returned " + str(received)
e = echo()
next(e)
e.send(2)
print(e.send(None))
