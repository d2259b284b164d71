# Arity errors of all/any/dir/vars/format/iter, the singletons' types, __format__ and
# __hash__ results.
for f, args in [(all, ()), (all, ([1], [])), (any, ()), (any, ([1], [])), (dir, (42, 42)),
                (vars, (42, 42)), (sum, ()), (format, ()), (format, (1, "", 2)),
                (format, (1, 2)), (type(None), (1, 2)), (type(...), (1,)),
                (type(NotImplemented), (1,))]:
    try:
        r = f(*args)
        print("no error", f.__name__, r)
    except TypeError as e:
        print(f.__name__, e)
for C in (type(None), type(...), type(NotImplemented)):
    try:
        C(a=1)
    except TypeError as e:
        print(e)
    print(C() is C(), repr(C()))


class BadFormatResult:
    def __format__(self, spec):
        return 1.0


class StrSub(str):
    pass


class SubFormat:
    def __format__(self, spec):
        return StrSub("sub:" + spec)


try:
    format(BadFormatResult(), "")
except TypeError as e:
    print(e)
try:
    print(f"{BadFormatResult()}")
except TypeError as e:
    print(e)
print(format(SubFormat(), "x"), f"{SubFormat():y}", format(3, StrSub("03")))


class Big:
    def __hash__(self):
        return 2**100


class IntSub(int):
    def __hash__(self):
        return self


class FloatHash:
    def __hash__(self):
        return 1.5


print(type(hash(Big())).__name__, hash(Big()) == hash(2**100), hash(IntSub(42)))
try:
    hash(FloatHash())
except TypeError as e:
    print(e)
print(all([]), any([]), all(iter([1, 1])), any(x for x in [0, 2]))
