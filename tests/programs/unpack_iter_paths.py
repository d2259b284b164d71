# Unpacking and `for` over built-in sequences take fast paths; subclasses that override the
# protocol, wrong lengths, mutation during iteration and huge ranges must behave as usual.


class L(list):
    pass


class T(tuple):
    pass


class RevL(list):
    def __iter__(self):
        return iter(list(reversed(list(list.__iter__(self)))))


class RevT(tuple):
    def __iter__(self):
        yield from reversed(tuple(super().__iter__()))


class GetL(list):
    def __getitem__(self, i):
        return "item"


a, b, c = L([1, 2, 3])
print("list subclass", a, b, c)
a, b = T((4, 5))
print("tuple subclass", a, b)
a, b, c = RevL([1, 2, 3])
print("list __iter__ overridden", a, b, c)
a, b = RevT((4, 5))
print("tuple __iter__ overridden", a, b)
print("for list sub", [x for x in L([7, 8])], list(RevL([7, 8, 9])), list(RevT((1, 2))))
print("getitem only", [x for x in GetL([1, 2])], list(GetL([3])))


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


def unpack2(v):
    x, y = v
    return x, y


def unpack3(v):
    x, y, z = v
    return x, y, z


attempt("short tuple", lambda: unpack3((1, 2)))
attempt("long tuple", lambda: unpack2((1, 2, 3)))
attempt("short list", lambda: unpack3([1]))
attempt("long list", lambda: unpack2([1, 2, 3, 4]))
attempt("empty", lambda: unpack2([]))
attempt("long sub", lambda: unpack2(L([1, 2, 3])))
attempt("short tuple sub", lambda: unpack3(T((1,))))
attempt("overridden long", lambda: unpack2(RevL([1, 2, 3])))
attempt("int", lambda: unpack2(5))
attempt("str", lambda: unpack2("ab"))
attempt("dict", lambda: unpack2({"k": 1, "j": 2}))
attempt("gen short", lambda: unpack3(i for i in range(2)))

# `__iter__` given to a class after loops over its instances ran, then taken away.
acc = []
for i in range(3):
    acc.append(sum(x for x in L([1, 2, 3])))
L.__iter__ = lambda self: iter([100])
acc.append(sum(x for x in L([1, 2, 3])))
a, = L([1, 2, 3])
acc.append(a)
del L.__iter__
acc.append(sum(x for x in L([1, 2, 3])))
print("patched", acc)

# Mutation during iteration.
items = [1, 2, 3]
seen = []
for x in items:
    seen.append(x)
    if x < 3:
        items.append(x * 10)
print("appended", seen, items)
items = [1, 2, 3, 4, 5]
seen = []
for x in items:
    seen.append(x)
    items.remove(x)
print("removed", seen, items)
sub = L([1, 2, 3])
seen = []
for x in sub:
    seen.append(x)
    if len(sub) < 6:
        sub.append(x + 10)
print("subclass appended", seen)
items = [1, 2, 3]
it = iter(items)
next(it)
items.clear()
print("cleared", list(it), list(it))

# Ranges past the machine word.
big = 2**63
print("huge range", [x - big for x in range(big - 2, big + 2)])
print("huge step", list(range(-big, big, big)))
print("neg huge", [x for x in range(big + 1, big - 2, -1)])
print("len huge", len(range(0, 2**70, 2**68)))
x, y = range(big, big + 2)
print("unpack range", x - big, y - big)
print("tuple iter", [v for v in (1, "a", None)], [v for v in T((2, 3))])
print("type of iter", type(iter(L([1]))).__name__, type(iter(T((1,)))).__name__)
