# _struct: formats, byte orders, native sizes and alignment, every code, range errors with
# CPython's messages, Struct objects, unpack_from offsets and iter_unpack.
import _struct as struct


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


for fmt in ['@bhiq', 'bhiq', '<bhiq', '>bhiq', '=bhiq', '!bhiq', 'ci0q', 'cd', '<cd', 'x3xh', '10s', '5p',
            '?e', 'lLqQnNP', '<lLqQ', '', '3i', ' 2h ', '<2?', 'hi', 'ih']:
    show('calcsize ' + fmt, lambda: struct.calcsize(fmt))
cases = [
    ('<b', -128), ('<b', 127), ('<B', 255), ('<h', -2), ('>h', -2), ('<H', 65535), ('>i', -123456),
    ('<I', 4294967295), ('<l', -1), ('<L', 7), ('<q', -2**63), ('>Q', 2**64 - 1), ('@n', -5), ('@N', 5),
    ('@P', 12345), ('<?', 5), ('<?', 0), ('<?', []), ('<?', 'x'), ('<c', b'z'), ('<e', 1.5), ('>e', -0.1),
    ('<e', 65504.0), ('<e', 1e-7), ('<e', 6e-8), ('<e', float('inf')), ('<f', 3.14), ('>f', -2.5),
    ('<d', 3.14), ('>d', float('-inf')), ('<d', 7), ('@f', 1e300), ('<i', True), ('>5s', b'ab'),
    ('3s', b'abcdef'), ('5p', b'ab'), ('2p', b'abc'), ('0s', b'x'), ('0p', b'x'),
]
for fmt, v in cases:
    show(f'pack {fmt} {v!r}', lambda: struct.pack(fmt, v))
    try:
        packed = struct.pack(fmt, v)
        print('  unpack', struct.unpack(fmt, packed))
    except Exception as e:
        print('  ', type(e).__name__)
errs = [('b', 200), ('B', -1), ('h', 70000), ('H', -1), ('i', 2**31), ('I', -1), ('I', 2**32), ('l', 2**63),
        ('L', -1), ('q', 2**63), ('Q', -1), ('Q', 2**64), ('<b', 200), ('<B', 256), ('<h', 70000), ('<H', -1),
        ('<i', 2**31), ('<I', 2**32), ('<l', 2**31), ('<L', 2**32), ('<L', -1), ('<q', 2**64), ('<Q', -1),
        ('n', 2**63), ('N', -1), ('<n', 1), ('b', 1.5), ('<i', 'x'), ('c', b'ab'), ('c', 'a'), ('s', 'x'),
        ('p', 1), ('<e', 1e6), ('e', 65520.0), ('d', 'x'), ('<f', 1e300), ('<f', 'x'), ('i', 2**100)]
for fmt, v in errs:
    show(f'err {fmt} {v!r}', lambda: struct.pack(fmt, v))


class Idx:
    def __index__(self):
        return 7


class Flt:
    def __float__(self):
        return 2.5


show('index', lambda: struct.pack('<i', Idx()))
show('index f', lambda: struct.pack('<d', Idx()))
show('float', lambda: struct.pack('<d', Flt()))
show('float i', lambda: struct.pack('<i', Flt()))
show('few', lambda: struct.pack('ii', 1))
show('many', lambda: struct.pack('i', 1, 2))
show('bad', lambda: struct.pack('z', 1))
show('repeat', lambda: struct.pack('3', 1))
show('space', lambda: struct.pack('<2 i', 1, 2))
show('space ok', lambda: struct.pack('< i h', 1, 2))
show('order late', lambda: struct.pack('i<', 1))
show('nofmt', lambda: struct.pack())
show('fmt type', lambda: struct.pack(1))
show('bytes fmt', lambda: struct.pack(b'>H', 258))
show('unpack size', lambda: struct.unpack('ii', b'123'))
show('unpack str', lambda: struct.unpack('<i', 'abcd'))
show('unpack mixed', lambda: struct.unpack('<hxiq?3sc', struct.pack('<hxiq?3sc', -3, 99, -2**40, True, b'xyz', b'!')))
show('unpack native', lambda: struct.unpack('@ci0q', b'A\x00\x00\x00\x05\x00\x00\x00'))
data = bytes(range(20))
show('from', lambda: struct.unpack_from('<ih', data))
show('from off', lambda: struct.unpack_from('<ih', data, 10))
show('from kw', lambda: struct.unpack_from('<ih', buffer=data, offset=14))
show('from neg', lambda: struct.unpack_from('<ih', data, -6))
show('from short', lambda: struct.unpack_from('ii', b'123456789', 3))
show('from negbad', lambda: struct.unpack_from('ii', b'123456789', -20))
show('from far', lambda: struct.unpack_from('ii', b'123456789', 20))
show('iter', lambda: list(struct.iter_unpack('<hb', bytes(range(9)))))
show('iter bad', lambda: list(struct.iter_unpack('ii', b'123')))
show('iter zero', lambda: struct.iter_unpack('', b''))
it = struct.iter_unpack('<h', bytes(6))
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), type(it).__name__)
s = struct.Struct('<hd3s')
print(s.format, s.size, s.pack(1, 2.5, b'ab'), s.unpack(s.pack(-1, -0.5, b'abc')))
print(s.unpack_from(b'\x00' + s.pack(5, 1.0, b'q'), 1), list(s.iter_unpack(s.pack(1, 2, b'a') * 2)))
print(struct.Struct(b'>I').format, struct.Struct(format='i').size, type(s).__name__)
show('Struct int', lambda: struct.Struct(1))
show('Struct bad', lambda: struct.Struct('y'))
show('s pack n', lambda: s.pack(1))
show('pack_into', lambda: struct.pack_into('<i', b'1234', 0, 1))
show('pack_into few', lambda: struct.pack_into('<i'))
show('pack_into off', lambda: struct.pack_into('<i', b'1234'))
show('pack_into n', lambda: struct.pack_into('<i', b'1234', 0))
print(issubclass(struct.error, Exception), struct.error.__name__, struct.error.__module__)
try:
    struct.pack('<B', 300)
except struct.error as e:
    print('caught', e.args)
for x in [0.0, -0.0, 1.0, 0.5, 2.0**-14, 2.0**-24, 2.0**-25, 3 * 2.0**-26, 1.0009765625, 1.00048828125, 1.00146484375, 65504.0, 65519.0, float('nan')]:
    b = struct.pack('<e', x)
    print(x, b, struct.unpack('<e', b))
for o in '<>=!@':
    for c, v in [('b', 200), ('B', -1), ('h', 70000), ('h', -70000), ('H', -1), ('H', 70000), ('i', 2**31),
                 ('I', -1), ('I', 2**32), ('l', 2**31), ('L', -1), ('L', 2**32), ('q', 2**64), ('q', -2**63 - 1),
                 ('Q', -1), ('Q', 2**64)]:
        show(o + c + ' ' + str(v), lambda: struct.pack(o + c, v))
