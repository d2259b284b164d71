# A generator abandoned early is closed when its last reference goes away: its finally block
# runs at that moment (after `break`, on rebinding, at the end of the function holding it).
def numbers(tag):
    try:
        yield 1
        yield 2
    finally:
        print("cleanup", tag)

for x in numbers("loop"):
    print("got", x)
    break
print("after loop")
g = numbers("rebound")
next(g)
g = None
print("after rebinding")
def use_one():
    local = numbers("local")
    return next(local)
print(use_one())
print("after function")
pairs = list(zip(numbers("zip"), "a"))
print(pairs)
print("end")
