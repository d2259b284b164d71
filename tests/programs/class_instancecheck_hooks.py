# __instancecheck__ / __subclasscheck__ on metaclasses.
class Duck(type):
    def __instancecheck__(cls, inst):
        print("instancecheck", cls.__name__, type(inst).__name__)
        return hasattr(inst, "quack")

    def __subclasscheck__(cls, sub):
        print("subclasscheck", cls.__name__, sub.__name__)
        return hasattr(sub, "quack")


class Quacker(metaclass=Duck):
    pass


class Mallard:
    def quack(self):
        return "quack"


class Dog:
    pass


print(isinstance(Mallard(), Quacker), isinstance(Dog(), Quacker), isinstance(3, Quacker))
print(issubclass(Mallard, Quacker), issubclass(Dog, Quacker))
print(isinstance(Mallard(), (int, Quacker)), issubclass(Dog, (Quacker, Dog)))
# The exact type short-circuits __instancecheck__.
q = Quacker()
print(isinstance(q, Quacker))


# Results are converted to bool.
class Weird(type):
    def __instancecheck__(cls, inst):
        return "yes" if inst else ""

    def __subclasscheck__(cls, sub):
        return 1


class W(metaclass=Weird):
    pass


print(isinstance(1, W), isinstance(0, W), issubclass(int, W))


# Errors in the hook propagate.
class Raising(type):
    def __instancecheck__(cls, inst):
        raise ValueError("no check")


class R(metaclass=Raising):
    pass


try:
    isinstance(1, R)
except ValueError as e:
    print(type(e).__name__, e)


# An ABC-style registry.
class ABCish(type):
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        cls._registry = []
        return cls

    def register(cls, sub):
        cls._registry.append(sub)
        return sub

    def __subclasscheck__(cls, sub):
        if sub in cls._registry:
            return True
        return any(c is cls for c in sub.__mro__)

    def __instancecheck__(cls, inst):
        return cls.__subclasscheck__(type(inst))


class Sized(metaclass=ABCish):
    pass


Sized.register(list)
print(isinstance([], Sized), isinstance((), Sized), issubclass(list, Sized))


class Impl(Sized):
    pass


print(isinstance(Impl(), Sized), issubclass(Impl, Sized), issubclass(Impl, object))

# issubclass still checks its first argument without a hook.
try:
    issubclass(1, int)
except TypeError as e:
    print(type(e).__name__, e)
# With a hook, the first argument goes to the hook.
print(issubclass(Mallard, Quacker))
