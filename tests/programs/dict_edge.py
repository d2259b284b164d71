# dict edge cases: equal keys of different types, LIFO popitem, order after churn, shared values.
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d, list(d)[0], type(list(d)[0]).__name__)
e = {"a": 1, "b": 2, "c": 3}
print(e.popitem(), e.popitem(), e)
churn = {}
for i in range(50):
    churn[i] = i
for i in range(0, 50, 3):
    del churn[i]
for i in range(0, 50, 6):
    churn[i] = -i
print(list(churn)[:12], len(churn))
shared = dict.fromkeys("abc", [])
shared["a"].append(1)
print(shared)
print({**{"x": 1, "y": 2}, **{"y": 3, "z": 4}}, dict(**{}), dict([]) == {})
a = {"k": [1]}
b = a.copy()
b["k"].append(2)
b["j"] = 0
print(a, b, a == {"k": [1, 2]})
print({1: 1} == {1: 1.0}, {1: 2} != {1: 3}, {"a": 1, "b": 2} == dict(b=2, a=1))
m = {}
m.update({"p": 1}, q=2)
m.update([("r", 3)], p=10)
print(m, m.get("zz", []), m.setdefault("s"), m)
print(list(reversed({"x": 1, "y": 2})), sorted({3: 0, 1: 0, 2: 0}), max({"b": 1, "a": 2}))
try:
    {}.pop("nothing")
except KeyError as e:
    print("KeyError:", e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)
