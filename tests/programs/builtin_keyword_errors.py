# Built-in functions and methods reject unknown or positional-only keywords with TypeError.
def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except TypeError as e:
        print(label, "-> TypeError:", e)

attempt("sorted typo", lambda: sorted([2, 1], reversed=True))
attempt("sort typo", lambda: [2, 1].sort(reversed=True))
attempt("max typo", lambda: max([1, 2], keyy=abs))
attempt("int typo", lambda: int("5", bas=10))
attempt("int base kw", lambda: int("11", base=2))
attempt("dict.get kw", lambda: {}.get("k", default=1))
attempt("split sep kw", lambda: "a,b".split(sep=","))
attempt("split maxsplit kw", lambda: "a b c".split(maxsplit=1))
attempt("range kw", lambda: range(stop=5))
attempt("len kw", lambda: len(obj=[1]))
attempt("enumerate start kw", lambda: list(enumerate("ab", start=5)))
attempt("round ndigits kw", lambda: round(3.14159, ndigits=2))
attempt("sum start kw", lambda: sum([1], start=10))
attempt("min default kw", lambda: min([], default="empty"))
attempt("pow mod kw", lambda: pow(2, 10, mod=7))
attempt("str.join kw", lambda: ",".join(iterable=["a"]))
attempt("list.append kw", lambda: [].append(object=1))
