# list methods' argument-count errors come before their own checks; a list subclass with its
# own __new__ passes keyword arguments to it, not to list.__init__.
for call in [lambda: [].pop(42, 42), lambda: [].pop(), lambda: [1].index(),
             lambda: [1].index(1, 0, 1, 2), lambda: [1, 2].pop(5)]:
    try:
        print(call())
    except (TypeError, IndexError, ValueError) as e:
        print(type(e).__name__, e)
print([3, 4, 5].index(5, 1), [3, 4, 5].pop(0))


class WithNew(list):
    def __new__(cls, seq, newarg=None):
        self = super().__new__(cls, seq)
        self.newarg = newarg
        return self


u = WithNew([1, 2], newarg=3)
print(type(u).__name__, list(u), u.newarg)


class Plain(list):
    pass


try:
    Plain(sequence=())
except TypeError as e:
    print(type(e).__name__, e)


class D(dict):
    def __new__(cls, *args, **kw):
        return super().__new__(cls)


print(D(a=1), D([(1, 2)], b=3))
