# Indexing and slicing strings, iteration, ord/chr, comparisons, immutability errors.
s = "permafrost"
print(s[0], s[-1], s[3], s[-4])
print(s[2:5], s[:4], s[4:], s[-5:], s[:-5], s[::2], s[1::3], s[::-1], s[7:2:-1], s[-1:-6:-2])
print(s[100:], s[-100:3], s[5:2], repr(s[3:3]), s[:], s[::-3])
for ch in "abc":
    print(ch, ord(ch), chr(ord(ch) + 1))
print([c for c in "hi!"], list("xyz"), tuple("ab"), len(s))
print(ord("\u00e9"), chr(233), chr(0x1F600) == "\U0001F600", ord("A"), chr(97))
print("b" > "a", "B" < "a", "apple" < "apricot", "a" * 0 == "")
try:
    s[0] = "P"
except TypeError as e:
    print("TypeError:", e)
try:
    print(s[20])
except IndexError as e:
    print("IndexError:", e)
print("".join(reversed(s)), sorted("banana"), min("hello"), max("hello"))
