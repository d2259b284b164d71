# What CPython 3.11 refuses inside an f-string's replacement field (3.12 allows it): a
# backslash or the f-string's own quote in a single-quoted string.
sources = [
    "f'{\"\\\\n\".join([\"a\", \"b\"])}'",
    "f'{\"#\"}'",
    "f\"{\"nested\"}\"",
    "f'{'nested'}'",
    "f'''{'ok in triple'}'''",
    "f'{x:{\"\\\\t\"}}'",
    "f'{x!r:>{width}}'",
    "f'{ x = }'",
    "f\"{'fine'}\"",
]
for src in sources:
    try:
        compile(src, "<fstring>", "eval")
        print("ok   ", src)
    except SyntaxError as e:
        print("error", src, "->", e.msg)
x, width = 5, 4
print(f"{x!r:>{width}}|", f"{ x = }", f'''{'triple'}''', f"{'q'}")
