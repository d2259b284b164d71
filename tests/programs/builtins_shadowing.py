# Globals shadow builtins and deleting the global reveals the builtin again; locals shadow both.
def size(x):
    return len(x)

print(size("abc"))
len = lambda x: "shadowed"
print(size("abc"), len([1]))
del len
print(size("abc"))
def local_shadow():
    max = "local max"
    return max
print(local_shadow(), max(1, 2))
list_ = list
def list(*args):
    return "my list"
print(list(), list_("ab"))
del list
print(list("xy"))
def uses_print():
    print = lambda *a: "swallowed"
    return print("x")
print(uses_print())
