# Comparison operators, chains (each operand evaluated once), identity and membership.
def v(x):
    print("eval", x)
    return x

print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 == 1 != 2)
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(1 <= 1, 2 >= 3, 1 != 1.0, "a" < "b", "abc" < "abd", "Z" < "a", "" < "a")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), (2,) > (1, 9))
print([1, 2] == [1, 2], (1, 2) == [1, 2], {1: 2} == {1: 2}, {1, 2} == {2, 1})
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a is not c, a == c, None is None)
print(2 in [1, 2, 3], 4 not in [1, 2, 3], "ell" in "hello", "x" not in "hello")
print(1 in {1: "a"}, "a" in {1: "a"}, 3 in range(0, 10, 3), 4 in range(0, 10, 3), 5 in (5,))
x = 5
print(0 < x <= 5 < 6 != 7, 0 < x < 5)
print(1 < 2 > 0, 1 == 1.0, 0 == False, "1" == 1)
print(sorted([3, 1, 2]) == [1, 2, 3], not 1 == 2)
