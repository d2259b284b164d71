# Absurd sizes and indices passed to str and list methods raise errors instead of crashing.
cases = [
    ("center", lambda: "abc".center(2 ** 62)),
    ("ljust 2**70", lambda: "x".ljust(2 ** 70)),
    ("zfill", lambda: "1".zfill(2 ** 62)),
    ("str index", lambda: "abc"[2 ** 70]),
    ("list index", lambda: [1, 2][-(2 ** 70)]),
    ("slice", lambda: "abcdef"[2 ** 70:] + "abcdef"[:2 ** 70] + "abcdef"[-(2 ** 70)::2 ** 70]),
    ("list slice", lambda: list(range(5))[2 ** 64:-(2 ** 64):-(2 ** 65)]),
    ("index start", lambda: [1, 2, 3].index(3, -(2 ** 70), 2 ** 70)),
    ("range item", lambda: range(2 ** 70)[2 ** 69]),
    ("range len", lambda: len(range(2 ** 70))),
    ("insert", lambda: [1].insert(2 ** 70, 0)),
    ("pop", lambda: [1].pop(2 ** 70)),
    ("chr", lambda: chr(2 ** 70)),
    ("round", lambda: round(1.5, 2 ** 70)),
]
for label, fn in cases:
    try:
        print(label, "->", repr(fn()))
    except (OverflowError, MemoryError, IndexError, ValueError) as e:
        print(label, "->", type(e).__name__ + ":", e)
print("survived")
