# The re module end to end: CPython's own parser and compiler over the native _sre.
import re


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


m = re.match(r'(?P<first>\w+) (?P<last>\w+)', 'Isaac Newton, physicist')
print(m, m.group(0), m.group(1, 2), m['last'], m.groupdict(), m.span('last'), m.lastgroup, m.lastindex)
print(m.expand(r'\g<last>, \1'), m.re.pattern, m.string, m.pos, m.endpos, m.regs)
print(re.search(r'\d+', 'abc 123 def 45').group(), re.fullmatch(r'[a-z]+', 'abc'), re.fullmatch(r'[a-z]+', 'ab1'))
print(re.findall(r'(\w)(\d)', 'a1 b2 c3'), re.findall(r'\bf[a-z]*', 'which foot or hand fell fastest'))
print([m.span() for m in re.finditer(r'\d', 'a1b22')], re.split(r'\W+', 'Words, words, words.'))
print(re.split(r'(\W+)', 'Words, words, words.'), re.split(r'\W+', 'Words, words, words.', 1), re.split('x*', 'axbc'))
print(re.sub(r'(\w+)@(\w+)\.com', r'\2 at \1', 'joe@example.com and ann@test.com'))
print(re.sub(r'\s+', ' ', '  lots   of\t\tspace  '), re.subn('a', 'b', 'banana'), re.sub('a', 'b', 'banana', count=2))
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1 b22 c333'), re.sub('(?P<x>b)', r'[\g<x>\g<0>]', 'abc'))
print(re.sub('', '-', 'abc'), re.sub('x*', '-', 'abxd'), re.escape('a.b*c?'), re.sub(b'a', b'\\\\', b'banana'))
p = re.compile(r'''
    (?P<key>[a-z_]+)   # key
    \s*=\s*
    (?P<value>"[^"]*"|\d+)
''', re.VERBOSE)
print(p.findall('x = 1, name="bob", _y= 42'), p.groups, sorted(p.groupindex.items()), p.flags & re.VERBOSE != 0)
print(re.compile('(?i)straße').match('STRASSE'), re.compile('(?i)straße').match('STRAßE'), re.compile('ǅ', re.I).match('ǆ'))
print(re.findall(r'(?m)^\w+', 'one\ntwo\nthree'), re.findall(r'(?s)a.b', 'a\nb'), re.findall(r'(?a)\w+', 'héllo'))
print(re.match(r'(a)|(b)', 'b').groups(), re.match(r'(a)|(b)', 'b').lastindex, re.match(r'(?:a|(b))+', 'ab').groups())
print(re.match(r'(?<=a)b', 'ab'), re.search(r'(?<=a)b', 'ab'), re.search(r'(?<!a)b', 'ab cb'), re.search(r'\Bb', 'ab'))
print(re.match(r'(?P<n>\d+)-(?P=n)?', '1-'), re.match(r'(?P<n>\d)(?P=n)', '11'), re.match(r'(a)?(?(1)b|c)', 'c'))
print(re.match(r'a{2,3}', 'aaaa'), re.match(r'a{2,3}?', 'aaaa'), re.match(r'(?>a+)a', 'aaa'), re.match(r'a*+a', 'aaa'))
print(re.compile(r'\d').pattern, repr(re.compile(r'x', re.I | re.M)), re.compile(b'x'), re.compile('x') == re.compile('x'))
show('bad', lambda: re.compile('('))
show('bad2', lambda: re.compile('a{2,1}'))
show('bad3', lambda: re.compile(r'\p'))
show('type', lambda: re.match('a', b'a'))
show('group', lambda: re.match('a', 'a').group(2))
show('template', lambda: re.sub('a', r'\9', 'a'))
print(re.purge(), hasattr(re, 'template'))
print(re.findall('[^\\W\\d_]+', 'ab1_cd ef'), re.findall(r'[\u00e0-\u00ff]+', 'café naïve'), re.split(r'(?<=,)', 'a,b,c'))
