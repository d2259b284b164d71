# str predicates, case mappings and whitespace splitting over ASCII, Latin-1 and other scripts,
# including the unusual whitespace characters str.split() and str.strip() recognise.
samples = ["", "abc", "ABC", "Abc Def", "a1", "123", "1.5", " \t\n", "\x0b\x0c\x1c\x1d\x1e\x1f",
           "\x85\xa0", "\u2028\u2029\u3000", "éÉ", "ß", "ǅ", "Σσς", "İı", "ﬁ", "日本", "٣", "½",
           "x\u200by", "mixed Case_1"]
for s in samples:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isspace(),
          s.isupper(), s.islower(), s.istitle(), s.isalnum(), s.isidentifier(), s.isprintable())
    print("   ", repr(s.upper()), repr(s.lower()), repr(s.title()), repr(s.capitalize()),
          repr(s.swapcase()), repr(s.casefold()))
    print("   ", s.split(), repr(s.strip()), s.splitlines(), len(s))
