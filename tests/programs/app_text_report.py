# Text processing: parse CSV-like records, aggregate, wrap and justify text, print a table.
RAW = """region,product,units,price
north,widget,12,2.50
south,widget,7,2.50
north,gadget,3,19.99
east,widget,20,2.25
south,gizmo,1,99.00
north,widget,5,2.50
east,gadget,8,18.50
west,gizmo,,99.00
"""


def parse(text):
    lines = text.strip().splitlines()
    header = lines[0].split(",")
    rows, errors = [], []
    for number, line in enumerate(lines[1:], start=2):
        record = dict(zip(header, line.split(",")))
        try:
            record["units"] = int(record["units"])
            record["price"] = float(record["price"])
        except ValueError as e:
            errors.append(f"line {number}: {e}")
            continue
        rows.append(record)
    return rows, errors


def wrap(text, width):
    lines, current = [], []
    for word in text.split():
        if current and len(" ".join(current + [word])) > width:
            lines.append(current)
            current = []
        current.append(word)
    if current:
        lines.append(current)
    out = []
    for i, words in enumerate(lines):
        if i == len(lines) - 1 or len(words) == 1:
            out.append(" ".join(words))
            continue
        gaps = len(words) - 1
        spaces = width - sum(len(w) for w in words)
        line = ""
        for j, w in enumerate(words[:-1]):
            line += w + " " * (spaces // gaps + (1 if j < spaces % gaps else 0))
        out.append(line + words[-1])
    return out


rows, errors = parse(RAW)
print(len(rows), "rows;", errors)
by_region = {}
for r in rows:
    totals = by_region.setdefault(r["region"], {"units": 0, "revenue": 0.0})
    totals["units"] += r["units"]
    totals["revenue"] += r["units"] * r["price"]
print(f"{'region':<8}|{'units':>6}|{'revenue':>10}|{'share':>7}")
print("-" * 34)
grand = sum(t["revenue"] for t in by_region.values())
for region, t in sorted(by_region.items(), key=lambda kv: -kv[1]["revenue"]):
    print(f"{region:<8}|{t['units']:>6d}|{t['revenue']:>10,.2f}|{t['revenue'] / grand:>7.1%}")
print("-" * 34)
print(f"{'total':<8}|{sum(t['units'] for t in by_region.values()):>6d}|{grand:>10,.2f}|")
best = max(rows, key=lambda r: r["units"] * r["price"])
print("best line:", best)
products = sorted({r["product"] for r in rows})
print("products:", ", ".join(products))
text = ("Permanent code objects live in read-only memory shared by every worker, so reading "
        "them never copies a page; only real mutations do.")
for line in wrap(text, 28):
    print("|" + line.ljust(28) + "|")
