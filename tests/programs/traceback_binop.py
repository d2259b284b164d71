# An uncaught TypeError in a binary operation two calls deep: the frames show their source
# lines, the call lines get ^^^^ under the call, the failing line ~~^~~ anchors.
def scale(values, factor):
    total = 0
    for v in values:
        total = total + v * factor
    return total


def report(items):
    print("items:", len(items))
    return scale(items, 2)  + 1


print(report([1, 2, 3]))
print(report([1, "two", 3]))
