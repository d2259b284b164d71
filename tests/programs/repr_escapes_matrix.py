# repr() escaping for every byte value and for code points across several Unicode blocks:
# control, format, separator and unassigned characters are escaped, printable ones kept.
print(repr(bytes(range(256))))
print(repr("".join(chr(c) for c in range(256))))
blocks = [(0x370, 0x380), (0x600, 0x610), (0x2000, 0x2030), (0x2060, 0x2070), (0xfeff, 0xff01),
          (0xfff0, 0x10000), (0x1f600, 0x1f605), (0xe000, 0xe002), (0xe0001, 0xe0002)]
for lo, hi in blocks:
    print(hex(lo), repr("".join(chr(c) for c in range(lo, hi))))
print(ascii("café ☃ \U0001F600"), repr("tab\tquote'\"backslash\\"))
