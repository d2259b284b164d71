# Lists: building with append and comprehensions, slicing, sorting with and without keys.
def build(n, seed):
    out = []
    x = seed
    for _ in range(n):
        x = (x * 1664525 + 1013904223) % 4294967296
        out.append(x % 100000)
    return out


checksum = 0
for rep in range(6):
    data = build(50000, rep + 1)
    pairs = [(v % 97, v) for v in data]
    a = sorted(data)
    b = sorted(pairs)
    c = sorted(data, key=lambda v: -v)
    data.sort(reverse=True)
    evens = [v for v in a if v % 2 == 0]
    checksum += a[len(a) // 2] + b[0][1] + c[0] + data[-1] + len(evens) + sum(a[::1000])
print("list checksum", checksum)
