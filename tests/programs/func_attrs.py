# Function attributes: __name__, __qualname__, __module__, __defaults__, __kwdefaults__, __doc__.
def plain(a, b=2, c="x"):
    "Docstring here."
    return a

def kw(a, *, b=1, c):
    return a

def no_defaults():
    return None

class C:
    def m(self, v=None):
        return v

    class Inner:
        def deep(self):
            def local():
                return 1
            return local

for fn in [plain, kw, no_defaults, C.m, C.Inner.deep, C.Inner().deep(), lambda: 0]:
    print(fn.__name__, fn.__qualname__, fn.__module__, fn.__defaults__, fn.__kwdefaults__)
print(plain.__doc__, no_defaults.__doc__, C.__name__, C.Inner.__qualname__, C.__module__)
def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__, outer.__qualname__)
plain.__defaults__ = (20, "y")
print(plain(1), plain.__defaults__)
