# Augmented assignment on names, subscripts (evaluated once), attributes and mutables in place.
n = 10
n += 5
n -= 3
n *= 4
n /= 6
n //= 2
print(n)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1, 2, 3]
alias = lst
lst += [4]
print(lst, alias, lst is alias)
t = (1,)
t_alias = t
t += (2,)
print(t, t_alias)
d = {"k": 1}
d["k"] += 10
d["k"] <<= 2
print(d)

def key():
    print("key evaluated")
    return 0

arr = [5]
arr[key()] += 1
print(arr)
m = [[1, 2], [3, 4]]
m[1][0] *= 10
m[0][-1] **= 3
print(m)
b = 0b1100
b &= 0b1010
b |= 1
b ^= 0b11
b >>= 1
b %= 3
print(b)
class Box:
    pass
box = Box()
box.v = 1
box.v += 41
box.items = []
box.items += ["x"]
print(box.v, box.items)
