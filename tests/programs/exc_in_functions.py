# Exceptions propagate through calls and generators; handlers higher up see them; state unwinds.
def level3(x):
    if x == 0:
        raise ValueError("bottom reached")
    return 10 // x

def level2(x):
    return level3(x) + 1

def level1(x):
    try:
        return level2(x)
    except ValueError as e:
        return "level1 handled: " + str(e)

print(level1(5), level1(0))
try:
    level2(0)
except ValueError as e:
    print("top handled:", e)

def gen():
    yield 1
    raise KeyError("from generator")

try:
    for v in gen():
        print("value", v)
except KeyError as e:
    print("caught", e)

def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return float("inf")
    finally:
        print("safe_div", a, b)
print(safe_div(1, 2), safe_div(1, 0))
results = []
for item in ["1", "x", "3", None]:
    try:
        results.append(int(item))
    except ValueError:
        results.append("bad")
    except TypeError as e:
        results.append(str(e))
print(results)
