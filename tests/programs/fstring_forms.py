# f-string forms: self-documenting `=`, nested quotes, subscripts, calls, multi-line, nested specs.
x = 42
name = "Ada"
d = {"k": [1, 2]}
print(f"{x=}", f"{x = }", f"{name=!s}", f"{x=:>6}", f"{x * 2=}", f"{d['k'][1]=}")
print(f"{'single'} {d['k']} {len(d)} {(lambda v: v + 1)(x)}", f'{"double"}', f"{'it' + chr(39) + 's'}")
print(f"""triple {x}
second line {name!r}""")
print(f"{x:{'>'}{10}}|", f"{3.14159:.{x // 20}f}", f"{name:{'*'}^{x // 4}}", f"{{{x}}}")
items = ["a", "b"]
print(f"{', '.join(items)}", f"{items!r:>12}", f"{[i * 2 for i in range(3)]}", f"{x if x else 0:05d}")
width = 6
for row in [("id", "name"), (1, "x"), (22, "yy")]:
    print(f"|{row[0]:>{width}}|{row[1]:<{width}}|")
print(rf"\d{x}", fr"{name}\n", f"{chr(92)}")
