# yield from: delegation, the sub-generator's return value, nested delegation.
def inner():
    yield 1
    yield 2
    return "inner-done"

def outer():
    result = yield from inner()
    print("inner returned", result)
    yield from [10, 20]
    yield from range(3)
    return "outer-done"

print(list(outer()))

def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x

print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
g = outer()
print(next(g), next(g), next(g))
