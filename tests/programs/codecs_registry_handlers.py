# The codec registry and error handlers: `codecs.lookup`, incremental codecs from the
# `encodings` modules, user error handlers and search functions, and built-in functions
# stored as class attributes (they do not bind).
import codecs

for name in ['utf-8', 'UTF8', 'latin-1', 'Latin_1', 'utf-16', 'U16', 'utf_32_be', 'ascii', '646']:
    info = codecs.lookup(name)
    print(name, info.name, type(info).__name__)

dec = codecs.getincrementaldecoder('utf-8')()
print(repr(dec.decode(b'a\xc3')), repr(dec.decode(b'\xa9z')), repr(dec.decode(b'', final=True)))
dec = codecs.getincrementaldecoder('utf-16')()
print(repr(dec.decode(b'\xff')), repr(dec.decode(b'\xfeh')), repr(dec.decode(b'\x00i\x00')))
enc = codecs.getincrementalencoder('utf-16')()
print(enc.encode('a'), enc.encode('b'))
print(codecs.encode('abc', 'utf-16-be'), codecs.decode(b'\x00a', 'utf-16-be'))
print(codecs.utf_16_ex_decode(b'\xfe\xff\x00a', None, 0, False), codecs.utf_16_ex_decode(b'\xfe', None, 0, False))
print(codecs.utf_32_ex_decode(b'\x00\x00\xfe\xff\x00\x00\x00a'), codecs.utf_16_encode('a', None, 1))
print(codecs.utf_8_decode(b'a\xc3'), codecs.ascii_decode(b'abc'), codecs.latin_1_encode('\xe9'))
print(codecs.charmap_build('ab\xe9'), codecs.charmap_decode(b'\x00\x02', None, 'ab\xe9'))
print(codecs.charmap_encode('ab', None, {97: 1, 98: b'zz'}), codecs.readbuffer_encode('ab'))
for f, arg in [(codecs.utf_8_encode, b'x'), (codecs.utf_8_decode, 'x')]:
    try:
        f(arg)
    except TypeError as e:
        print('TypeError', e)
try:
    codecs.ascii_encode('x', 3)
except TypeError as e:
    print('TypeError', e)

# User error handlers.
def handler(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ('<%d:%d>' % (exc.start, exc.end), exc.end)
    return ('[%s]' % exc.object[exc.start:exc.end].hex(), exc.end)
codecs.register_error('mine', handler)
print('aééb€'.encode('ascii', 'mine'), b'a\xff\xfeb'.decode('utf-8', 'mine'))
codecs.register_error('fromend', lambda e: (b'!', -1))
print('a€b'.encode('latin-1', 'fromend'))
codecs.register_error('bad', lambda e: 42)
for f in [lambda: 'é'.encode('ascii', 'bad'), lambda: b'\xff'.decode('ascii', 'bad')]:
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
codecs.register_error('far', lambda e: ('', 99))
try:
    'é'.encode('ascii', 'far')
except IndexError as e:
    print('IndexError', e)
print(codecs.lookup_error('strict').__name__, codecs.lookup_error('backslashreplace').__name__)
print(codecs.backslashreplace_errors(UnicodeDecodeError('x', b'\x01\xff', 0, 2, 'r')))
print(codecs.xmlcharrefreplace_errors(UnicodeEncodeError('x', 'a\u20ac', 1, 2, 'r')))
print(codecs.replace_errors(UnicodeTranslateError('abc', 0, 2, 'r')))
for f in [lambda: codecs.xmlcharrefreplace_errors(UnicodeDecodeError('x', b'a', 0, 1, 'r')),
          lambda: codecs.lookup_error('nope'), lambda: b'\xff'.decode('ascii', 'xmlcharrefreplace')]:
    try:
        f()
    except (TypeError, LookupError) as e:
        print(type(e).__name__, e)

# A search function of our own, after `encodings`' own.
def search(name):
    if name == 'shout':
        return codecs.CodecInfo(lambda s, errors='strict': (s.upper().encode(), len(s)),
                                lambda b, errors='strict': (bytes(b).decode().lower(), len(b)),
                                name='shout')
    if name == 'number':
        return codecs.CodecInfo(lambda s, errors='strict': (42, len(s)),
                                lambda b, errors='strict': (42, len(b)), name='number')
    return None
codecs.register(search)
print('hi'.encode('shout'), b'HI'.decode('shout'), codecs.lookup('SHOUT').name)
print(codecs.encode('x', 'number'))
for f in [lambda: 'x'.encode('number'), lambda: b'x'.decode('number')]:
    try:
        f()
    except TypeError as e:
        print('TypeError', e)

class Holder:
    enc = codecs.utf_8_encode
    size = len
h = Holder()
print(h.enc('é'), h.size('abc'))
