import _string

for s in ['a{0.x[1]!r:>{w}}b{{c}}d', '', 'abc', '{}', '{:}', '{!s}', '{0!r:x}', '}}', '{{',
          'a{b', 'a}b', '{0!}', '{0!rr}', '{0[}', '{a{b}', '{0:{1:{2}}}', '{!', '{0!r',
          'x{0}y{1}z', '{:{}}', '{[}', '{0!x}', '{0[}]}', 'é{名}ü']:
    try:
        print(repr(s), list(_string.formatter_parser(s)))
    except Exception as e:
        print(repr(s), type(e).__name__, e)

for s in ['a.b[c][0].d', '', '0', '0.x', '[1]', 'a[', 'a.', 'a[]', 'a.b.', '12[3]', ' x',
          'a..b', 'x[01]', '1.2']:
    try:
        first, rest = _string.formatter_field_name_split(s)
        print(repr(s), repr(first), list(rest))
    except Exception as e:
        print(repr(s), type(e).__name__, e)

# Errors surface lazily, at the item where they occur.
it = _string.formatter_parser('x{0}y{b')
print(next(it))
try:
    next(it)
except ValueError as e:
    print(type(e).__name__, e)
print(list(it))
first, rest = _string.formatter_field_name_split('a.b[x]y')
print(first, next(rest), next(rest))
try:
    next(rest)
except ValueError as e:
    print(type(e).__name__, e)
print(list(rest))

print(type(_string.formatter_parser('')).__name__)
print(type(_string.formatter_field_name_split('')[1]).__name__)
for f in (_string.formatter_parser, _string.formatter_field_name_split):
    try:
        f(1)
    except TypeError as e:
        print(type(e).__name__, e)
