# The `encodings` package's charmap codecs (cp1252, cp437, iso8859_*, mac_roman ...) through
# str.encode / bytes.decode, codecs.lookup, stream readers and incremental codecs.
import codecs
import encodings
import io

text = 'Grüße, €5 — naïve café ½'
for enc in ['cp1252', 'windows-1252', 'cp437', 'IBM437', 'iso8859_15', 'latin9', 'iso-8859-2',
            'mac_roman', 'macintosh', 'koi8_r', 'cp850', 'cp866', 'cp1251', 'iso8859_7']:
    info = codecs.lookup(enc)
    try:
        b = text.encode(enc)
        print(enc, info.name, b, b.decode(enc) == text)
    except UnicodeEncodeError as e:
        print(enc, info.name, 'UnicodeEncodeError', e, e.start, e.end)
        print('  ', text.encode(enc, 'replace'), text.encode(enc, 'xmlcharrefreplace'))

print(bytes(range(0x80, 0xa0)).decode('cp1252', 'replace'))
print(ascii(bytes(range(0x80, 0x90)).decode('cp1252', 'backslashreplace')))
for data, enc in [(b'\x81\x8d', 'cp1252'), (b'abc\x81', 'windows_1252')]:
    try:
        data.decode(enc)
    except UnicodeDecodeError as e:
        print(type(e).__name__, e, e.start, e.end, e.encoding)
print(bytes(range(0xb0, 0xc0)).decode('cp437'))
print('€'.encode('iso8859_15'), b'\xa4'.decode('iso8859_15'), b'\xa4'.decode('latin-1'))
print('ÄÖÜ'.encode('mac_roman'), 'Ж'.encode('koi8-r'), b'\xf6'.decode('koi8_r'))
print('x€y'.encode('cp437', 'namereplace'), 'a\u00e9'.encode('ascii', 'namereplace'))

reader = codecs.getreader('cp1252')(io.BytesIO('café €'.encode('cp1252')))
print(reader.read())
writer_buf = io.BytesIO()
codecs.getwriter('cp437')(writer_buf).write('½ ░')
print(writer_buf.getvalue())
print(list(codecs.iterdecode([b'caf', b'\xe9'], 'cp1252')))
print(codecs.encode('é', 'cp850'), codecs.decode(b'\x82', 'cp850'))
try:
    codecs.lookup('no-such-charmap')
except LookupError as e:
    print('LookupError', e)
print(encodings.normalize_encoding('Latin  -- 1'), encodings.search_function('cp1252').name)
