# object.__new__ and object.__init__ refuse extra arguments unless the class overrides the
# other one, with CPython's messages.
class C:
    pass
class D:
    def __new__(cls, *args, **kwargs):
        super().__new__(cls, *args, **kwargs)
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
class E:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
for f in [lambda: C(42), lambda: C.__new__(C, 42), lambda: C().__init__(42), lambda: object.__new__(C, 42),
          lambda: object.__init__(C(), 42), lambda: D(42), lambda: D.__new__(D, 42), lambda: object.__new__(D, 42),
          lambda: E(42), lambda: E.__new__(E, 42), lambda: object.__new__(E, 42), lambda: E().__init__(42), lambda: object.__init__(E(), 42)]:
    try:
        f(); print("no error")
    except TypeError as e:
        print(e)


class OnlyNew:
    def __new__(cls, *args):
        return super().__new__(cls)


class OnlyInit:
    def __init__(self, x):
        self.x = x


print(type(OnlyNew(1, 2)).__name__, OnlyInit(5).x, object.__new__(OnlyInit).__class__.__name__)
object.__init__(OnlyNew(), 1, 2)
print("init ignored")


class I(int):
    def __init__(self, x):
        super().__init__()


print(I(5) + 1)
