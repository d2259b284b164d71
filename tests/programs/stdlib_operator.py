import _operator as op
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
print(op.add(1, 2), op.sub(5, 3), op.mul('ab', 2), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 10))
print(op.lshift(1, 4), op.rshift(32, 2), op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.neg(5), op.pos(-5), op.inv(5), op.invert(0), op.abs(-3.5))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne(1, 2), op.gt(1, 2), op.ge(3, 3), op.lt([1], [2]))
print(op.not_(0), op.truth([]), op.is_(None, None), op.is_not(1, None), op.index(7), op.index(True), op.index(2**70))
print(op.concat([1], [2]), op.concat('a', 'b'), op.contains([1, 2], 2), op.countOf([1, 2, 1], 1), op.indexOf('abc', 'c'))
l = [1, 2, 3]; op.setitem(l, 0, 9); op.delitem(l, 1); print(l, op.getitem(l, -1), op.getitem({'a': 1}, 'a'), op.getitem('abc', slice(1, None)))
x = [1]; y = op.iadd(x, [2]); print(x, y is x, op.iadd(1, 2), op.isub(5, 1), op.imul([0], 3), op.iconcat([1], (2,)), op.ior({1}, {2}), op.iand(7, 3), op.ixor(1, 1), op.ipow(2, 3), op.imod(7, 4), op.ifloordiv(7, 2), op.itruediv(1, 4), op.ilshift(1, 2), op.irshift(8, 1))
class M:
    def __init__(self): self.log = []
    def __matmul__(self, o): return 'matmul'
    def __imatmul__(self, o): return 'imatmul'
    def __iadd__(self, o): self.log.append(o); return self
    def __length_hint__(self): return 42
print(op.matmul(M(), 1), op.imatmul(M(), 1), op.iadd(M(), 5).log)
print(op.length_hint([1, 2]), op.length_hint(iter([1, 2, 3])), op.length_hint(M()), op.length_hint(object(), 7), op.length_hint(iter(range(5))))
print(op._compare_digest(b'abc', b'abc'), op._compare_digest(b'abc', b'abd'), op._compare_digest('ab', 'ab'), op._compare_digest(b'a', b'ab'))
print(op.call(max, 3, 9, key=lambda v: -v))
g = op.itemgetter(1); print(g([5, 6, 7]), g('xyz'), op.itemgetter(0, 2)('abc'), op.itemgetter('k')({'k': 'v'}))
print(repr(g), repr(op.itemgetter(1, 'a')), type(g).__name__, type(g).__module__)
class P:
    def __init__(self): self.a = self; self.b = 2
    def meth(self, x, y=0): return x + y
p = P()
print(op.attrgetter('b')(p), op.attrgetter('a.a.b', 'b')(p), repr(op.attrgetter('a.b', 'c')))
print(op.methodcaller('meth', 1)(p), op.methodcaller('meth', 1, y=5)(p), op.methodcaller('upper')('abc'), repr(op.methodcaller('f', 1, x=2)), repr(op.methodcaller('g')))
print(sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=op.itemgetter(1)), list(map(op.attrgetter('real'), [1, 2.5])))
t(lambda: op.itemgetter())
t(lambda: op.itemgetter(1)())
t(lambda: op.itemgetter(5)([1]))
t(lambda: op.attrgetter('a.b', 'c'))
t(lambda: op.attrgetter(1))
t(lambda: op.attrgetter('zz')(p))
t(lambda: op.methodcaller())
t(lambda: op.methodcaller(1))
t(lambda: op.methodcaller('nope')(p))
t(lambda: op.add(1))
t(lambda: op.add(x=1))
t(lambda: op.add(1, 'a'))
t(lambda: op.not_(1, 2))
t(lambda: op.index('a'))
t(lambda: op.index(1.5))
t(lambda: op.length_hint([1, 2], 'a'))
t(lambda: op._compare_digest('a', b'a'))
t(lambda: op._compare_digest(1, 2))
t(lambda: op._compare_digest('é', 'é'))
t(lambda: op.indexOf([1, 2, 1], 3))
t(lambda: op.concat(1, 2))
t(lambda: op.iconcat(1, 2))
t(lambda: op.contains(1, 2))
t(lambda: op.getitem([1], 5))
t(lambda: op.lt(1, 'a'))
t(lambda: op.neg('a'))
t(lambda: op.truediv(1, 0))
print(op.add.__name__, op.itemgetter.__name__, op.attrgetter.__module__)
