# super() with no arguments outside a method: RuntimeError, uncaught.
def not_a_method():
    return super().__init__()

print("calling")
not_a_method()
