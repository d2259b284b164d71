# An uncaught ZeroDivisionError after some output: exit status 1 and CPython's last line.
def average(values):
    return sum(values) / len(values)

print(average([1, 2, 3]))
print("about to fail")
print(average([]))
print("never printed")
