# More TypeError messages from everyday mistakes.
def attempt(thunk):
    try:
        thunk()
    except TypeError as e:
        print("TypeError:", e)

attempt(lambda: ",".join([1, 2]))
attempt(lambda: 1 + None)
attempt(lambda: None + 1)
attempt(lambda: [1, 2] * 2.0)
text, one, nothing = "abc", [1], None
attempt(lambda: text[1.0])
attempt(lambda: one[None])
attempt(lambda: {}[[]])
attempt(lambda: sum(["a", "b"]))
attempt(lambda: sorted([1, None]))
attempt(lambda: int(None))
attempt(lambda: float([]))
attempt(lambda: len(None))
attempt(lambda: abs("x"))
attempt(lambda: (lambda: None)(1))
attempt(lambda: nothing())
attempt(lambda: ord("ab"))
attempt(lambda: chr("a"))
attempt(lambda: range(1.5))
attempt(lambda: [].append())
attempt(lambda: {}.get())
attempt(lambda: "a".split(1))
attempt(lambda: divmod("a", 1))
attempt(lambda: round("1"))
attempt(lambda: max(1))
