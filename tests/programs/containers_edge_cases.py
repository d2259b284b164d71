# Lists, tuples, dicts, sets and views on edge inputs: sort flags, += with any iterable,
# views' comparisons and set algebra, zip(strict=True), frozenset hashes, arithmetic dunders.

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: [1,2,3].index(2, -1))
t(lambda: [1,2,3].index(4))
t(lambda: [1,2,3].index(1, 1, 2**70))
t(lambda: [1,2,3].pop(5))
t(lambda: [].pop())
t(lambda: [1,2].insert(2**70, 3))
t(lambda: [1,2].remove(3))
t(lambda: [1,2,3][1:2:0])
t(lambda: [1,2,3][2**70])
t(lambda: [1,2,3][-2**70:2**70])
t(lambda: [1] * -5)
t(lambda: [1] + (2,))
t(lambda: [3,1,2].sort(reverse=None))
t(lambda: sorted([1, "a"]))
t(lambda: sorted([3,1], key=None))
t(lambda: [1,2] < [1,2,3])
t(lambda: [1,[2]] == [1,[2]])
def f1():
    a = [1,2,3,4,5]
    a[1:3] = [9]
    a[::2] = [0, 0, 0]
    return a
t(f1)
def f2():
    a = [1,2,3,4,5]
    a[::2] = [0]
t(f2)
def f3():
    a = [1,2,3,4,5]
    del a[::2]
    return a
t(f3)
def f4():
    a = [1,2,3]
    a += "ab"
    return a
t(f4)
def f5():
    a = [1, 2]
    a *= 2
    return a
t(f5)
t(lambda: [1,2,3].count(1.0))
t(lambda: list.copy([1]))
t(lambda: [1, 2].__reversed__().__next__())
t(lambda: (1,2,3).index(3, 0, 2))
t(lambda: (1,2) + [3])
t(lambda: (1,) * 3)
t(lambda: hash((1, [2])))
t(lambda: hash((1, 2)) == hash((1, 2)))
t(lambda: hash((1, 2)))
t(lambda: hash(()))
t(lambda: hash(1.5))
t(lambda: hash(-1))
t(lambda: hash(2**64))
t(lambda: hash(frozenset()))
t(lambda: hash(frozenset([1, 2])))
t(lambda: tuple([1, 2]) is tuple([1, 2]))
t(lambda: {"a": 1}.get("b", 2))
t(lambda: {"a": 1}.pop("b"))
t(lambda: {"a": 1}.pop("b", 3))
t(lambda: {}.popitem())
t(lambda: {"a": 1, "b": 2}.popitem())
t(lambda: {"a": 1}.setdefault("b"))
t(lambda: dict([(1, 2), (3, 4)]))
t(lambda: dict([(1, 2, 3)]))
t(lambda: dict([1]))
t(lambda: dict(a=1) | {"b": 2})
t(lambda: {1: 2} | [1])
t(lambda: dict.fromkeys([1, 2], 0))
t(lambda: {1: 1}.update([(2, 2)], c=3))
t(lambda: list({1: 1, 2: 2}.items()))
t(lambda: {1: 1}.keys() & {1, 2})
t(lambda: {1: 1}.keys() | [3])
t(lambda: {1: 1}.items() == {(1, 1)})
t(lambda: {1: 1} == {1: 1.0})
t(lambda: {1: 2} < {1: 2})
t(lambda: repr({1: {2: [3]}}))
t(lambda: {1: 2}.values() == {1: 2}.values())
t(lambda: reversed({1: 2, 3: 4}).__next__())
t(lambda: list(reversed({1: 2, 3: 4}.items())))
def f6():
    d = {1: 1}
    for k in d:
        d[2] = 2
t(f6)
def f7():
    s = {1}
    for k in s:
        s.add(2)
t(f7)
t(lambda: {1, 2} - {2})
t(lambda: {1, 2} ^ frozenset({2, 3}))
t(lambda: frozenset({1}) | {2})
t(lambda: {1} | [2])
t(lambda: {1}.union([2], (3,)))
t(lambda: {1}.issubset([1, 2]))
t(lambda: {1}.isdisjoint([2]))
t(lambda: set().pop())
t(lambda: {1}.remove(2))
t(lambda: {1}.discard(2))
t(lambda: {[1]})
t(lambda: {1} <= {1})
t(lambda: {1} < {1})
t(lambda: set([1, 2]) == frozenset([2, 1]))
t(lambda: {1}.symmetric_difference_update([1, 2]))
t(lambda: {1, 2}.intersection())
t(lambda: {1, 2}.difference([1], [2]))
t(lambda: repr(set()))
t(lambda: repr(frozenset({1})))
t(lambda: sorted({3, 1, 2}))
t(lambda: len(range(0, 10, 3)))
t(lambda: list(zip([1, 2], "ab", strict=True)))
t(lambda: list(zip([1, 2], "a", strict=True)))
t(lambda: list(enumerate("ab", start=5)))
t(lambda: list(map(pow, [2, 3], [2])))
t(lambda: list(filter(None, [0, 1, "", "a"])))
t(lambda: any([]), )
t(lambda: all(x for x in [1, 0]))
t(lambda: abs("a"))
t(lambda: len(5))
t(lambda: iter(5))
t(lambda: next(iter([]), "d"))
t(lambda: next(iter([])))
t(lambda: isinstance(1, (int, str)))
t(lambda: isinstance(True, int))
t(lambda: issubclass(bool, int))
t(lambda: isinstance(1, 1))
t(lambda: bin(-5))
t(lambda: oct(8))
t(lambda: hex(-255))
t(lambda: bin(1.0))
t(lambda: ascii("é"))
t(lambda: repr("a'b\"c"))
t(lambda: repr("\x00\u200b"))
t(lambda: callable(len))
t(lambda: divmod(2**70, 3))
t(lambda: int.__add__(1, 2))
t(lambda: (1).__add__(1.0))
t(lambda: (1.0).__add__(1))
t(lambda: [].__add__(()))
t(lambda: "a".__add__(1))
t(lambda: (3).__mul__("a"))
t(lambda: "a".__mul__(3))
t(lambda: (1).__sub__(True))
