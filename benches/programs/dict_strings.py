# Dicts and strings: word frequencies over generated text, string building and joining.
def make_text(n):
    syllables = ["ka", "lo", "mi", "ne", "ru", "to", "shi", "va"]
    words = []
    x = 7
    for i in range(n):
        x = (x * 31 + 11) % 1009
        w = syllables[x % 8] + syllables[(x // 8) % 8]
        if x % 3 == 0:
            w += syllables[(x // 64) % 8]
        words.append(w)
    return " ".join(words)


def frequencies(text):
    counts = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return counts


def report(counts):
    lines = []
    for word in sorted(counts, key=lambda w: (-counts[w], w))[:20]:
        lines.append(f"{word:>8} {counts[word]:6d}")
    return "\n".join(lines)


text = make_text(80000)
total = 0
for round_ in range(30):
    counts = frequencies(text)
    index = {}
    for word, c in counts.items():
        index.setdefault(word[:2], []).append(word.upper() + str(c))
    total += len(counts) + sum(len(v) for v in index.values())
    out = report(counts)
    total += len(out)
print(out.splitlines()[0].strip())
print("dict checksum", total, len(text))
