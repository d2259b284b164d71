# Deeply nested containers: repr and comparison raise RecursionError instead of crashing.
nested = []
for _ in range(5000):
    nested = [nested]
try:
    repr(nested)
except RecursionError as e:
    print("repr: RecursionError:", e)
other = []
for _ in range(5000):
    other = [other]
try:
    print(nested == other)
except RecursionError as e:
    print("==: RecursionError:", e)
shallow = []
for _ in range(50):
    shallow = [shallow]
print(repr(shallow)[:10], len(repr(shallow)), str(shallow) == repr(shallow))
d = {}
for i in range(5000):
    d = {"k": d}
try:
    str(d)
except RecursionError as e:
    print("dict str: RecursionError:", e)
print("survived")
