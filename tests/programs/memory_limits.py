# Requests for impossible amounts of memory raise MemoryError or OverflowError, not a crash.
for label, make in [("list", lambda: [0] * (2 ** 62)), ("str", lambda: "ab" * (2 ** 62)),
                    ("bytes", lambda: b"x" * (2 ** 62)), ("tuple", lambda: (1, 2) * (2 ** 61)),
                    ("huge index", lambda: [0] * (2 ** 70))]:
    try:
        make()
        print(label, "succeeded?")
    except (MemoryError, OverflowError) as e:
        print(label, type(e).__name__, e)
print("survived")
