# str operators and iteration: concatenation, repetition, membership, comparison, building.
s = ""
for i in range(5):
    s += str(i) * i
print(s, len(s))
parts = []
for word in ["red", "green", "blue"]:
    parts.append(word.upper()[:3])
print("/".join(parts), "-" * 20, "ab" * 0, 3 * "xy")
print("a" < "b" < "c", "abc" == "ab" + "c", s is not None, "b" in "abc", "" in "abc")
print(sorted(["b", "A", "a", "B", "_", "1"]), max(["apple", "pear"]), min("zebra"))
vowels = 0
for ch in "programming language":
    if ch in "aeiou":
        vowels += 1
print(vowels)
print(str(123)[::-1], int(str(123)[::-1]) + 1, "x".upper() + "y".lower())
words = "the cat sat on the mat".split()
print(" ".join(w.capitalize() for w in words), len(words), words.count("the"))
acc = []
for i, ch in enumerate("hello"):
    acc.append(ch * (i + 1))
print("-".join(acc))
print("é" + "\u0301", len("é"), "ü".encode("utf-8"), len("日本語"), "日本語"[1], "日本語"[::-1])
