# More str methods: split with maxsplit and whitespace runs, strip sets, find ranges, counts.
text = "  alpha  beta\tgamma\ndelta  "
print(text.split(), text.split(None, 1), text.rsplit(None, 1), text.strip().split(" "))
print("a-b-c-d".split("-", 2), "a-b-c-d".rsplit("-", 2), "abc".split("abc"), "aXbXc".split("X", 0))
print("www.example.com".strip("cmowz."), "  xx  ".lstrip(), "xxabcxx".rstrip("x"))
print("hello world".find("o", 5), "hello world".find("o", 5, 7), "hello".rindex("l"), "abcabc".find("c", -2))
print("hello".count("l", 3), "".count(""), "abc".count(""), "mississippi".count("ss"))
print("Hello World Foo".lower().title(), "ÉCOLE".lower(), "straße".upper(), "ǅ".lower())
print("a1b2".upper(), "x".join(["1", "2", "3"]), "::".join(("a", "b")), "".join(map(str, range(5))))
print("abc".startswith("b", 1), "abc".endswith("b", 0, 2), "  ".join("ab").split())
print("one two three".replace(" ", ""), "aaa".replace("a", "b", 2), "abc".replace("", "-"))
print("tab\tsep".split("\t"), "x,y,".split(","), ",".split(","), "a\n\nb\n".splitlines())
print("%".join("ab"), "{}".join("ab"), "hello"[::-1].upper().center(11, "="))
print("42".isdecimal(), "4.2".isnumeric(), "ab cd".istitle(), "Ab Cd".istitle())
