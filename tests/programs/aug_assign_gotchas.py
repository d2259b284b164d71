# Augmented assignment corner cases: t[0] += [x] mutates the list and then fails to store
# into the tuple; += on an attribute read from the class creates an instance attribute.
t = ([1],)
try:
    t[0] += [2]
except TypeError as e:
    print("TypeError:", e)
print(t)
class Config:
    items = []
    count = 0
c = Config()
c.items += ["shared"]
c.count += 1
print(Config.items, Config.count, c.count, "count" in c.__dict__, "items" in c.__dict__)
s = "ab"
alias = s
s += "c"
print(s, alias, s is alias)
x = [1]
y = x
x = x + [2]
y += [3]
print(x, y)
d = {"n": [0]}
d["n"] += [1]
d["n"][0] -= 5
print(d)
