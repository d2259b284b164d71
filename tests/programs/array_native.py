# array.array: typecodes and their C ranges, indexing, slicing, iteration, arithmetic,
# comparisons, list-like methods and bytes round trips, as scimark-style code uses them.
from array import array, typecodes, ArrayType


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(typecodes, ArrayType is array, array.__name__, array.__module__)
for c in typecodes:
    init = 'abc' if c == 'u' else [1, 2, 3]
    a = array(c, init)
    print(c, a.itemsize, a.typecode, len(a), a, a.tolist(), a.tobytes(), array(c, a.tobytes()) == a)
for c, v in [('b', 128), ('b', -129), ('B', 256), ('B', -1), ('h', 2**15), ('h', -2**15 - 1), ('H', -1),
             ('H', 2**16), ('i', 2**31), ('i', -2**31 - 1), ('I', -1), ('I', 2**32), ('l', 2**63), ('L', -1),
             ('L', 2**64), ('q', 2**63), ('Q', -1), ('Q', 2**64), ('b', 1.5), ('d', 'x'), ('u', 1), ('u', 'ab'),
             ('f', 1e300), ('f', 0.1), ('d', 7), ('Q', 2**64 - 1), ('q', -2**63), ('b', True)]:
    show(f'{c} {v!r}', lambda: array(c, [v]))
show('bad code', lambda: array('z'))
show('code int', lambda: array(1))
show('code long', lambda: array('dd'))
show('kw', lambda: array('d', initializer=[1]))
show('str init', lambda: array('i', 'ab'))
show('bytes init', lambda: array('h', b'\x01\x00\xff\xff'))
show('array init', lambda: array('d', array('i', [1, 2])))
show('array init f', lambda: array('i', array('d', [1.0])))
show('gen init', lambda: array('i', (x * x for x in range(5))))
a = array('d', [0.0]) * 5
a[0] = 1.5
a[-1] = 2
a[2] += 0.25
print(a, a[0], a[-1], a[1:3], a[::-2], len(a), 2.0 in a, 9 in a, list(a), sum(a))
show('get out', lambda: a[5])
show('get neg out', lambda: a[-6])
show('get float', lambda: a[1.0])


def setbad():
    a[9] = 1.0


show('set out', setbad)
b = array('i', range(10))
b[2:5] = array('i', [7])
print(b)
b[::2] = array('i', [0] * len(b[::2]))
print(b)
del b[0]
del b[1:3]
print(b)
show('slice list', lambda: b.__setitem__(slice(0, 1), [1]))
show('slice kind', lambda: b.__setitem__(slice(0, 1), array('d', [1.0])))
show('ext slice size', lambda: b.__setitem__(slice(0, 4, 2), array('i', [1])))
c = array('i', [3, 1, 2])
c.append(5)
c.extend([6, 7])
c.extend(array('i', [8]))
c.insert(0, -1)
c.insert(100, 9)
c.insert(-100, -2)
print(c, c.pop(), c.pop(0), c.index(2), c.count(1), c)
c.remove(1)
c.reverse()
print(c, c.index(5, 1), c + array('i', [0]), array('i', [1]) * 3, 2 * array('i', [4]), array('b') * 3)
show('pop empty', lambda: array('d').pop())
show('pop out', lambda: array('d', [1]).pop(4))
show('remove', lambda: array('d', [1]).remove(2))
show('index', lambda: array('d', [1]).index(2))
show('extend kind', lambda: array('d').extend(array('i', [1])))
show('extend bad', lambda: array('d').extend([1, 'x']))
show('add list', lambda: array('d', [1]) + [1])
show('add kind', lambda: array('d', [1]) + array('i'))
d = array('d', [1])
d += array('d', [2])
d *= 2
print(d)
show('iadd list', lambda: d.__iadd__([1]))
print(array('i', [1, 2]) == array('d', [1.0, 2.0]), array('i', [1, 2]) < array('i', [1, 3]),
      array('i', [1, 2]) < array('i', [1, 2, 0]), array('i') == array('i'), array('i', [2]) > array('i', [1, 9]),
      array('i', [1]) != array('i', [1]), array('i', [1]) == [1])
e = array('H')
e.frombytes(b'\x01\x02\x03\x04')
e.fromlist([9, 10])
print(e, e.tobytes())
show('frombytes odd', lambda: e.frombytes(b'\x01'))
show('fromlist tuple', lambda: e.fromlist((1,)))
show('fromlist bad', lambda: e.fromlist([1, -1]))
print(e)
e.byteswap()
print(e)
u = array('u', 'hé')
u.fromunicode('llo')
print(u, u.tounicode(), u[1], list(u))
show('tounicode', lambda: array('i').tounicode())
show('hash', lambda: hash(array('d')))
f = array('f', [0.1, 0.5])
g = f.__copy__()
h = f.__deepcopy__({})
g[0] = 9
print(f, g, h, f == h, f[0])
it = iter(array('b', [1, 2]))
print(next(it), next(it), next(it, 'end'), type(it).__name__)


class Sub(array):
    pass


s = Sub('d', [1.0])
s.append(2.0)
print(type(s).__name__, s.tolist(), isinstance(s, array), len(s))
n = 1000
data = array('d', [0.0]) * (n * 2)
for i in range(n * 2):
    data[i] = (i % 7) * 0.5
total = 0.0
for x in data:
    total += x
print(total, data[1234], data[-1])
