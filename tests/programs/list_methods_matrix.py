# list/tuple/dict/set methods with optional and unusual arguments, printing results or errors.
def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

base = [5, 3, 5, 1, 5]
attempt("index start", lambda: base.index(5, 1))
attempt("index start stop", lambda: base.index(5, 3, 5))
attempt("index neg", lambda: base.index(5, -2))
attempt("index missing range", lambda: base.index(3, 2, 4))
attempt("tuple index", lambda: tuple(base).index(1, -3, -1))
attempt("tuple count", lambda: (1, 1.0, True, "1").count(1))
attempt("pop neg", lambda: list(base).pop(-2))
attempt("pop out", lambda: list(base).pop(9))
attempt("insert neg", lambda: (lambda l: (l.insert(-2, "x"), l)[1])(list(base)))
attempt("remove", lambda: (lambda l: (l.remove(5), l)[1])(list(base)))
attempt("extend str", lambda: (lambda l: (l.extend("ab"), l)[1])([0]))
attempt("extend self", lambda: (lambda l: (l.extend(l), l)[1])([1, 2]))
attempt("sort mixed", lambda: sorted([3, 1.5, True, 2]))
attempt("sort key none", lambda: sorted(base, key=None, reverse=True))
attempt("copy eq", lambda: base.copy() == base and base.copy() is not base)
def mul_assign(l, n):
    alias = l
    l *= n
    return alias, l is alias
attempt("mul assign", lambda: mul_assign([1, 2], 0))
attempt("mul assign 2", lambda: mul_assign([1, 2], 2))
attempt("dict get", lambda: {"a": 1}.get("b", []))
attempt("dict pop default", lambda: {"a": 1}.pop("b", None))
attempt("dict setdefault", lambda: (lambda d: (d.setdefault("k", []).append(1), d)[1])({}))
attempt("dict update kw", lambda: (lambda d: (d.update(a=1, b=2), d)[1])({"b": 0}))
attempt("dict fromkeys", lambda: dict.fromkeys(range(3)))
attempt("dict items eq", lambda: {"a": 1}.items() == {("a", 1)})
attempt("dict keys and", lambda: sorted({"a": 1, "b": 2}.keys() & {"b", "c"}))
attempt("set update many", lambda: sorted((lambda s: (s.update([1], (2,), {3: 0}), s)[1])(set())))
attempt("set issuperset list", lambda: {1, 2, 3}.issuperset([1, 2]))
attempt("set union many", lambda: sorted({1}.union([2], (3,), range(4, 6))))
attempt("set difference_update", lambda: (lambda s: (s.difference_update([1], [2]), s)[1])({1, 2, 3}))
attempt("set intersection none", lambda: {1, 2}.intersection())
attempt("frozen compare", lambda: {1, 2} == {2, 1} and {1} != {1, 2})
attempt("list eq tuple", lambda: [1, 2] == (1, 2))
attempt("list lt", lambda: [1, 2] < [1, 2, 0] < [1, 3])
attempt("list mul neg", lambda: [1] * -5)
attempt("reverse slice assign", lambda: (lambda l: (l.__setitem__(slice(None, None, -1), "abc"), l)[1])([0, 0, 0]))
