import atexit


def bye(name, punct="!"):
    print("bye", name + punct)


def never():
    print("never")


print(atexit.register(bye, "first") is bye)
atexit.register(bye, "second", punct="?")
atexit.register(never)
atexit.register(never)
atexit.unregister(never)


@atexit.register
def decorated():
    print("decorated runs first")


def unregistered_failure():
    raise ValueError("never raised")


atexit.register(unregistered_failure)
atexit.unregister(unregistered_failure)
try:
    atexit.register(1)
except TypeError as e:
    print(type(e).__name__, e)
print("end of main")
