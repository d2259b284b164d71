# An exhausted list (or tuple) iterator stays exhausted when the list grows afterwards, and
# copies and pickles as an empty iterator; a class's sequence iterator pickles too.
import copy, pickle
a = list(range(5)); b = iter(a); print(list(b)); a.extend(range(5, 10)); print(list(b), b.__reduce__())
a = [1]; b = iter(a)
for x in b: pass
a.append(2); print(list(b), list(copy.copy(b)))
a = [1, 2]; b = iter(a); next(b); next(b); print(next(b, 'end')); a.append(3); print(next(b, 'still end'))
t = iter((1,)); list(t); print(list(t), t.__reduce__())
class S:
    def __getitem__(self, i):
        if i < 3: return i
        raise IndexError
it = iter(S()); next(it); print(type(it).__name__, list(pickle.loads(pickle.dumps(it))), list(copy.copy(it)), list(it), it.__reduce__()[0])
it = iter(S()); it.__setstate__(2); print(list(it))
import operator
a = [1,2,3]; b = iter(a); list(b); print(operator.length_hint(b))
