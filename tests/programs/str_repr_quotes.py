# repr of strings: quote choice, escapes of control characters, non-ASCII kept as is.
samples = ["plain", "it's", 'say "hi"', "both ' and \"", "", "back\\slash", "tab\t",
           "nl\n", "cr\r", "nul\0", "\x07bell", "\x7f", "\x80", "\xa0", "caf\u00e9", "\u2028",
           "\U0001F600", "\x1b[0m", "'", '"', "\\'"]
for s in samples:
    print(repr(s), len(s))
print(samples[:4])
print(("it's",), {"k'": 'v"'})
print(str("it's"), str('say "hi"'))
