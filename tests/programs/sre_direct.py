# _sre directly: patterns compiled by CPython 3.11's re._compiler (their code words are
# literal below), run through Pattern/Match/SRE_Scanner.
import _sre

PATS = {
    'word_num': ('(?P<w>\\w+)\\s(\\d+)?', 32, [14, 4, 0, 2, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 1, 13, 4, 8, 12, 0, 23, 17, 0, 1, 17, 2, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 17, 3, 18, 1], 2, {'w': 1}, (None, 'w', None)),
    'alt': ('a|b', 32, [14, 8, 4, 1, 1, 22, 97, 98, 0, 13, 5, 22, 97, 98, 0, 1], 0, {}, (None,)),
    'comma': (',', 32, [14, 8, 3, 1, 1, 1, 1, 44, 0, 16, 44, 1], 0, {}, (None,)),
    'xstar': ('x*', 32, [14, 4, 0, 0, 4294967295, 24, 6, 0, 4294967295, 16, 120, 1, 1], 0, {}, (None,)),
    'bytes_abc': (b'[a-c]+', 0, [14, 4, 0, 1, 4294967295, 24, 10, 1, 4294967295, 13, 5, 22, 97, 99, 0, 1, 1], 0, {}, (None,)),
    'e_ic': ('é+', 34, [14, 4, 0, 1, 4294967295, 24, 6, 1, 4294967295, 40, 233, 1, 1], 0, {}, (None,)),
    'date': ('(?P<y>\\d{4})-(?P<m>\\d\\d)-(?P<d>\\d\\d)', 32, [14, 4, 0, 10, 10, 17, 0, 24, 9, 4, 4, 13, 4, 8, 10, 0, 1, 17, 1, 16, 45, 17, 2, 13, 4, 8, 10, 0, 13, 4, 8, 10, 0, 17, 3, 16, 45, 17, 4, 13, 4, 8, 10, 0, 13, 4, 8, 10, 0, 17, 5, 1], 3, {'y': 1, 'm': 2, 'd': 3}, (None, 'y', 'm', 'd')),
    'words': ('\\b\\w+\\b', 32, [14, 4, 0, 1, 4294967295, 6, 10, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 6, 10, 1], 0, {}, (None,)),
    'split_ws': ('(\\s)+', 32, [14, 4, 0, 1, 4294967295, 23, 12, 1, 4294967295, 17, 0, 13, 4, 8, 12, 0, 17, 1, 18, 1], 1, {}, (None, None)),
    'opt': ('(a)(b)?(c)', 32, [14, 8, 1, 2, 3, 1, 0, 97, 0, 17, 0, 16, 97, 17, 1, 23, 9, 0, 1, 17, 2, 16, 98, 17, 3, 18, 17, 4, 16, 99, 17, 5, 1], 3, {}, (None, None, None, None)),
    'lines': ('^\\w+$', 40, [14, 4, 0, 1, 4294967295, 6, 1, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 6, 6, 1], 0, {}, (None,)),
    'dotall': ('a.b', 48, [14, 8, 1, 3, 3, 1, 1, 97, 0, 16, 97, 3, 16, 98, 1], 0, {}, (None,)),
    'lazy': ('<.*?>', 32, [14, 8, 1, 2, 4294967295, 1, 1, 60, 0, 16, 60, 26, 5, 0, 4294967295, 2, 1, 16, 62, 1], 0, {}, (None,)),
    'greedy': ('<.*>', 32, [14, 8, 1, 2, 4294967295, 1, 1, 60, 0, 16, 60, 24, 5, 0, 4294967295, 2, 1, 16, 62, 1], 0, {}, (None,)),
    'backref': ('(\\w)\\1', 32, [14, 7, 4, 2, 2, 8, 14, 0, 17, 0, 13, 4, 8, 14, 0, 17, 1, 11, 0, 1], 1, {}, (None, None)),
    'look': ('(?<=\\$)\\d+(?=\\.)', 32, [14, 4, 0, 1, 4294967295, 4, 5, 1, 16, 36, 1, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 4, 5, 0, 16, 46, 1, 1], 0, {}, (None,)),
    'neg': ('q(?!u)', 32, [14, 8, 1, 1, 1, 1, 1, 113, 0, 16, 113, 5, 5, 0, 16, 117, 1, 1], 0, {}, (None,)),
    'cond': ('(<)?\\w+(?(1)>)', 32, [14, 4, 0, 1, 4294967295, 23, 9, 0, 1, 17, 0, 16, 60, 17, 1, 18, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 12, 0, 4, 16, 62, 1], 1, {}, (None, None)),
    'ascii': ('\\w+', 256, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 4, 0, 1, 1], 0, {}, (None,)),
    'uni': ('\\w+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 1], 0, {}, (None,)),
    'ic_word': ('hello', 34, [14, 4, 0, 5, 5, 40, 104, 40, 101, 40, 108, 40, 108, 40, 111, 1], 0, {}, (None,)),
    'empty': ('', 32, [14, 4, 0, 0, 0, 1], 0, {}, (None,)),
    'digits': ('\\d+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 1], 0, {}, (None,)),
    'kv': ('(\\w+)=(\\w*)', 32, [14, 4, 0, 2, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 1, 16, 61, 17, 2, 24, 9, 0, 4294967295, 13, 4, 8, 14, 0, 1, 17, 3, 1], 2, {}, (None, None, None)),
    'atomic': ('(?>a+)b', 32, [14, 4, 0, 2, 4294967295, 27, 9, 24, 6, 1, 4294967295, 16, 97, 1, 1, 16, 98, 1], 0, {}, (None,)),
    'poss': ('a++b', 32, [14, 4, 0, 2, 4294967295, 29, 6, 1, 4294967295, 16, 97, 1, 16, 98, 1], 0, {}, (None,)),
    'verbose': ('(?x) (\\d+) \\s* ([a-z]+)  # number then word', 96, [14, 4, 0, 2, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 17, 1, 24, 9, 0, 4294967295, 13, 4, 8, 12, 0, 1, 17, 2, 24, 10, 1, 4294967295, 13, 5, 22, 97, 122, 0, 1, 17, 3, 1], 2, {}, (None, None, None)),
    'bytes_kv': (b'(\\w+)=(\\d+)', 0, [14, 4, 0, 3, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 4, 0, 1, 17, 1, 16, 61, 17, 2, 24, 9, 1, 4294967295, 13, 4, 8, 0, 0, 1, 17, 3, 1], 2, {}, (None, None, None)),
    'upper': ('[A-Z]', 32, [14, 8, 4, 1, 1, 22, 65, 90, 0, 13, 5, 22, 65, 90, 0, 1], 0, {}, (None,)),
    'range_ic': ('[a-f]+', 34, [14, 4, 0, 1, 4294967295, 24, 10, 1, 4294967295, 39, 5, 22, 97, 102, 0, 1, 1], 0, {}, (None,)),
    'nonword': ('\\W+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 15, 0, 1, 1], 0, {}, (None,)),
    'anchors': ('\\Afoo\\Z', 32, [14, 4, 0, 3, 3, 6, 2, 16, 102, 16, 111, 16, 111, 6, 7, 1], 0, {}, (None,)),
}


def P(name):
    return _sre.compile(*PATS[name])


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize())
print([_sre.ascii_iscased(c) for c in (65, 97, 49, 0xe9)])
print([_sre.unicode_iscased(c) for c in (65, 49, 0xe9, 0x3b1, 0x5d0)])
print([_sre.ascii_tolower(c) for c in (65, 97, 0xc9)], [_sre.unicode_tolower(c) for c in (65, 0xc9, 0x391)])

p = P('word_num')
print(p, p.pattern, p.flags, p.groups, p.groupindex)
m = p.search('  hello 42 world')
print(m)
print(m.group(), m.group(0), m.group(1, 2), m.group('w'), m['w'], m[2])
print(m.groups(), m.groupdict(), m.span(), m.span(2), m.start(1), m.end('w'))
print(m.lastindex, m.lastgroup, m.regs, m.pos, m.endpos, m.string, m.re is p)
m2 = p.search('abc  ')
print(m2.groups(), m2.groups('-'), m2.group(2), m2.span(2), m2.start(2))
show('bad group', lambda: m.group(3))
show('bad name', lambda: m.group('zz'))
show('bad start', lambda: m.start(-1))
print(p.findall('ab 1 cd  ef 3'), p.findall('ab 1 cd  ef 3', 3), p.findall('ab 1 cd  ef 3', 0, 4))

print(P('alt').sub('-', 'xaybz'), P('alt').subn('-', 'xaybz'), P('alt').sub('-', 'xaybz', 1))
print(P('alt').sub(lambda m: m.group().upper(), 'xaybz'), P('alt').sub(lambda m: None, 'xaybz'))
show('sub int', lambda: P('alt').sub(lambda m: 3, 'xa'))
print(P('alt').sub('', 'aaa'), P('alt').subn('q', 'zzz'), P('alt').sub('-', 'abab', -1))
print(P('comma').split('a,b,,c'), P('comma').split('a,b,,c', 2), P('comma').split(''), P('comma').split('a,b', -1))
print(P('split_ws').split('a b  c'), P('opt').split('xacyabcz'))
print([m.span() for m in P('xstar').finditer('axxb')], P('xstar').findall('axxb'), P('xstar').sub('-', 'axxb'))
print(P('xstar').split('axxb'))
print(P('bytes_abc').findall(b'abcxcba'), P('bytes_abc').sub(b'.', b'abcxcba'), P('bytes_abc').split(b'zaz'))
print(P('e_ic').search('xÉéÉ!'), P('e_ic').search('xÉéÉ!').span())
d = P('date').match('2024-03-15 and 2023-12-01')
print(d.groupdict(), d.lastgroup, d.lastindex, P('date').findall('2024-03-15 and 2023-12-01'))
print(P('words').findall('Hello, wörld! ça va?'), [m.group() for m in P('words').finditer('a bc  d')])
print(P('opt').match('ac').groups(), P('opt').match('abc').groups(), P('opt').match('ac').lastindex)
print(P('opt').fullmatch('abc'), P('opt').fullmatch('abcd'), P('opt').fullmatch('abcd', 0, 3))
print(P('lines').findall('one\ntwo x\nthree'), P('dotall').search('a\nb'), P('lazy').findall('<a><b>'), P('greedy').findall('<a><b>'))
print(P('backref').findall('aabbcd'), P('look').findall('$12.5 $7 $300.25'), P('neg').findall('quit qatar'))
print(P('cond').findall('<ab> cd <ef'), P('ascii').findall('héllo wörld'), P('uni').findall('héllo wörld'))
print(P('ic_word').findall('Hello HELLO hello hElLo'), P('empty').findall('ab'), P('empty').split('ab'))
print(P('digits').sub('#', 'a1b22c333'), P('kv').findall('a=1, b=, c=xyz'), P('atomic').search('aaab'), P('atomic').search('aaa'))
print(P('poss').findall('aab ab b'), P('verbose').findall('12 abc 3de'), P('bytes_kv').findall(b'x=1 y=22'))
print(P('upper').sub(lambda m: '_' + m.group().lower(), 'camelCaseName'), P('range_ic').findall('DeadBEEF xyz'))
print(P('nonword').split('a, b; c'), P('anchors').match('foo'), P('anchors').match('foo\n'))
print(P('empty').match('abc', 2, 1), P('empty').search('abc', 2, 1), P('digits').search('a12', -5, 99))
print(P('digits').match('123', 1), P('digits').search('abc123def', 0, 5))

sc = P('digits').scanner('a1b22c333')
print(sc.pattern is not None, [sc.search().group() for _ in range(3)], sc.search(), sc.search())
sc = P('digits').scanner('12a3')
print(sc.match(), sc.match(), sc.match())

for args in [(P('alt'), 3), (P('alt'), b'ab'), (P('bytes_abc'), 'abc')]:
    show('type', lambda: args[0].search(args[1]))
show('kw', lambda: P('alt').search(string='xb', pos=1))
show('kw2', lambda: P('alt').search('xb', foo=1))
show('missing', lambda: P('alt').search())
print(P('alt') == P('alt'), P('alt') == P('comma'), P('alt') != P('alt'), hash(P('alt')) == hash(P('alt')))
print(P('alt').__copy__() is not None, P('ic_word'), P('lines'), P('bytes_abc'), P('ascii'), P('verbose'))
print(repr(m), repr(P('greedy').search('<' + 'x' * 80 + '>')))
print(type(p).__name__, type(m).__name__, type(p).__module__, type(m).__module__)
show('new', lambda: type(p)())
