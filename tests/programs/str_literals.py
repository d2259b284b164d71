# Every kind of string literal: quotes, triple quotes, escapes, raw, implicit concatenation.
print('single', "double", '''triple single''', """triple double""")
print('it\'s', "say \"hi\"", 'mixed "quotes"', "mixed 'quotes'")
print("tab\there", "new\nline", "back\\slash", "bell\a".endswith("\a"), len("\0"))
print("\x41\x42\x43", "\101\102", "\u00e9t\u00e9", "\U0001F600" == "\U0001f600", len("\U0001F600"))
print(r"raw\n\t", R"RAW\d", r'C:\path\to', len(r"\n"))
print("implicit " "concatenation " 'of ' """literals""")
multi = """line one
line two
    indented"""
print(multi)
print(multi.splitlines())
cont = "first \
second"
print(cont)
print('''a 'quoted' "string"''')
print(b"bytes", rb"raw\bytes", b'\x00\xff', Rb"x\y")
print(f"f-string {1 + 1}", rf"raw f {2}\n", F"cap {3}")
print("", '', len(""), "a" "" "b")
print("\N{LATIN SMALL LETTER A}", "\N{EM DASH}")
