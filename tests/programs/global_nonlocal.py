# global and nonlocal declarations, shadowing, reading globals from functions.
x = 1
y = "global y"

def read_global():
    return x, y

def write_global():
    global x
    x = x + 100

def shadow():
    y = "local y"
    return y

print(read_global())
write_global()
print(x, shadow(), y)

def outer():
    a = 1
    def mid():
        nonlocal a
        a += 1
        def inner():
            nonlocal a
            a *= 10
        inner()
        return a
    r = mid()
    return r, a
print(outer())

def define_global():
    global created_later
    created_later = "made inside"
define_global()
print(created_later)

def unbound():
    try:
        print(z)
    except NameError as e:
        print("NameError:", e)
    z = 1
unbound()
def unbound_local():
    try:
        print(x)
        x = 5
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
unbound_local()
