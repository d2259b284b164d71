# Keys written as literals and the same keys built at run time hash and compare equal: str
# (ASCII, Latin-1, BMP, astral), bytes, big ints, floats and tuples, in dicts and sets.
table = {
    "plain": 1, "café": 2, "日本語": 3, "\U0001F600 smile": 4, "": 5,
    b"raw\xff": 6, 10 ** 30: 7, -(2 ** 70): 8, 2.5: 9, -0.0: 10, (1, "a", 2.0): 11,
    ("nested", (2, 3)): 12, 1e100: 13, "x" * 40: 14,
}
built = [
    "".join(["pl", "ain"]), "caf" + chr(233), "".join(chr(c) for c in [26085, 26412, 35486]),
    chr(0x1F600) + " smile", "abc"[3:], bytes([114, 97, 119, 255]), int("1" + "0" * 30),
    -(2 ** 35) * 2 ** 35, 5 / 2, 0.0, (1, "a", 2.0), ("nes" + "ted", (2, 3)), float("1e100"),
    "x" * 20 + "x" * 20,
]
for key in built:
    print(repr(key)[:30], table.get(key, "MISSING"), key in table, hash(key) == hash(key[:] if isinstance(key, (str, bytes)) else key))
literal_set = {"alpha", "βeta", "γ", "δelta"}
runtime = {"alp" + "ha", "β" + "eta", chr(947), "δ" + "elta"}
print(literal_set == runtime, len(literal_set | runtime), sorted(literal_set & runtime))
def lookup(word):
    return {"one": 1, "two": 2, "três": 3}.get(word)
print([lookup(w) for w in ["o" + "ne", "tw" + "o", "tr" + "ês", "four"]])
print(hash("café") == hash("caf" + "é"), hash(b"ab") == hash(bytes([97, 98])), hash((1, 2)) == hash(tuple([1, 2])))
