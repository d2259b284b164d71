# Calls with unpacking: *iterables, **mappings, several of each, mixed with plain arguments.
def show(*args, **kwargs):
    return f"args={args} kwargs={kwargs}"

print(show(*[1, 2], *(3,), *"ab"))
print(show(**{"a": 1}, **{"b": 2}, c=3))
print(show(0, *range(2), 9, *[], x=1, **{"y": 2}))
def point(x, y, z=0):
    return (x, y, z)
print(point(*[1, 2]), point(*(1, 2, 3)), point(**{"y": 5, "x": 4}), point(1, **{"z": 9, "y": 8}))
coords = [(1, 2), (3, 4)]
print([point(*c) for c in coords], max(*[4, 8, 6]), print(*[], sep="x") is None)
try:
    point(1, 2, **{"x": 5})
except TypeError as e:
    print("TypeError:", e)
