# Globals created, deleted and re-created from functions; module-level `global`; names that
# are builtins until a global shadows them; functions redefined at run time.
global TOP
TOP = 1

def create():
    global made
    made = "made"

def destroy():
    global made
    del made

def read():
    try:
        return made
    except NameError as e:
        return "NameError: " + str(e)

print(read())
create()
print(read())
destroy()
print(read())
create()
print(read(), TOP)

def greet():
    return "first"
first_version = greet
def greet():
    return "second"
print(first_version(), greet(), first_version is greet)

def choose(flag):
    if flag:
        def impl():
            return "flag set"
    else:
        def impl():
            return "flag clear"
    return impl()
print(choose(True), choose(False))
def uses_len():
    return len("abc")
print(uses_len())
len = lambda s: -1
print(uses_len())
del len
print(uses_len())
