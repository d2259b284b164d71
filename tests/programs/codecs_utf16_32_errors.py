# Built-in codecs (no `encodings` import): UTF-16/32, ASCII, Latin-1, UTF-8 with every
# standard error handler, CPython's error positions and reasons.
def show(label, f):
    try:
        r = f()
        print(label, ascii(r))
    except UnicodeError as e:
        print(label, type(e).__name__, e, e.start, e.end, repr(e.reason), e.encoding)
    except Exception as e:
        print(label, type(e).__name__, e)

samples = [
    (b'\x00\xdc', 'utf-16-le'), (b'\x00\xd8\x41\x00', 'utf-16-le'), (b'\x00\xd8', 'utf-16-le'),
    (b'A', 'utf-16-le'), (b'\xd8\x00\xd8\x00\xdc\x00', 'utf-16-be'), (b'A\x00\x00', 'utf-32-le'),
    (b'\x00\x00\x11\x00', 'utf-32-le'), (b'\x00\x00\xd8\x00', 'utf-32-be'),
    (b'\x00\xd8\x00', 'utf-16le'), (b'\xed\xa0\x80', 'utf-8'), (b'\xf0\x9f\x98', 'utf8'),
    (b'\xf0\x9f\x98A', 'UTF-8'), (b'a\x80b\xffc', 'ascii'), (b'\xc3(', 'u8'),
]
for data, enc in samples:
    for errors in ['strict', 'replace', 'backslashreplace', 'ignore']:
        show(f'{enc} {data!r} {errors}', lambda: data.decode(enc, errors))

for text, enc in [("aé€b", "ascii"), ("aé€b", "latin-1"), ("xéé", "us-ascii"), ("a\U0001f600", "latin1")]:
    for errors in ['strict', 'replace', 'backslashreplace', 'ignore', 'xmlcharrefreplace',
                   'surrogateescape']:
        show(f'{enc} {errors}', lambda: text.encode(enc, errors))

# Byte order marks.
for enc in ['utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'UTF_32LE', 'utf-32-be', 'utf-8-sig']:
    b = 'hé\U0001f600'.encode(enc)
    print(enc, b, b.decode(enc) == 'hé\U0001f600')
print(b'\xfe\xff\x00a'.decode('utf-16'), b'\x00\x00\xfe\xff\x00\x00\x00a'.decode('utf-32'))
print(b'a\x00'.decode('utf-16'), repr(b'\xef\xbb\xbfx'.decode('utf-8-sig')), repr(b'x'.decode('utf-8-sig')))

# The exception types and their attributes.
e = UnicodeEncodeError('ascii', 'xyz', 1, 3, 'nope')
print(str(e), e.args, e.object, e.start, e.end)
e.start = 2
print(str(e))
e = UnicodeDecodeError('utf-8', bytearray(b'\xffab'), 0, 1, 'bad')
print(str(e), repr(e.object))
e = UnicodeTranslateError('abc', 1, 2, 'why')
print(str(e), e.encoding, e.args)
print(str(UnicodeEncodeError('x', 'abc', 5, 9, 'r')))
for args in [('a',), (1, 'a', 0, 1, 'r'), ('a', b'x', 0, 1, 'r'), ('a', 'x', '0', 1, 'r')]:
    show(f'new {args!r}', lambda: UnicodeEncodeError(*args))
show('decode str', lambda: UnicodeDecodeError('a', 'x', 0, 1, 'r'))
class MyError(UnicodeEncodeError):
    pass
print(str(MyError('ascii', 'é', 0, 1, 'bad')))
print(str(UnicodeError('plain')), UnicodeError().args)

# Unknown names.
show('unknown', lambda: 'x'.encode('no-such-codec'))
show('unknown handler', lambda: 'é'.encode('ascii', 'no-such-handler'))
print('x'.encode('ascii', 'nosuch'))
