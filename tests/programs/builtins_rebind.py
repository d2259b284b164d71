import builtins
builtins.foo_x = 5
print(foo_x)
def f(): return foo_x, len([1,2])
print(f())
orig = builtins.len
builtins.len = lambda x: 42
print(f(), len("ab"))
del builtins.len
try:
    print(len("a"))
except NameError as e:
    print("NameError", e)
builtins.len = orig
print(f())
del builtins.foo_x
try:
    f()
except NameError as e:
    print("NameError", e)
exec("print(len('abc'))")
builtins.len = lambda x: -1
exec("print(len('abc'))")
g = {}
exec("print(len('abc'))", g)
builtins.len = orig
