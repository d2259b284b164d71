# print() keyword arguments: flush, sep/end as None, non-string sep errors.
print("flushed", flush=True)
print("a", "b", sep=None, end=None, flush=False)
print(1, 2, 3, sep="", end="|\n")
for kwargs in [{"sep": 1}, {"end": 2}, {"bogus": True}]:
    try:
        print("x", **kwargs)
    except TypeError as e:
        print("TypeError:", e)
