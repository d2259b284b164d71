# Aliasing: shared references in nested lists, copies vs views, identity after operations.
row = [0] * 3
grid = [row] * 3
grid[0][0] = 1
print(grid, grid[0] is grid[2])
grid2 = [[0] * 3 for _ in range(3)]
grid2[0][0] = 1
print(grid2, grid2[0] is grid2[1])
a = [1, 2, 3]
b = a
c = a[:]
d = list(a)
a.append(4)
print(a, b, c, d, a is b, a is c, a == b)
nested = [[1], [2]]
shallow = nested.copy()
shallow[0].append(99)
shallow[1] = ["new"]
print(nested, shallow)
def mutate(lst):
    lst.append("m")
    lst = ["rebound"]
    return lst
orig = []
print(mutate(orig), orig)
t = ([],)
t[0].append(1)
print(t)
x = y = []
x += [1]
print(y)
x = x + [2]
print(x, y, x is y)
