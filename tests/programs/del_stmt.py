# del on names, list items and slices, dict keys, attributes; errors after deletion.
x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
lst = list(range(8))
del lst[0]
del lst[-1]
del lst[1:3]
del lst[::2]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
a, b = 1, 2
del a, b
try:
    a
except NameError as e:
    print("NameError:", e)
def local_del():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(local_del())
class C:
    pass
c = C()
c.attr = 1
del c.attr
print(hasattr(c, "attr"))
try:
    del lst[10]
except IndexError as e:
    print("IndexError:", e)
