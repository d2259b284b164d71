# str methods' argument types, %-formatting with mapping-like arguments, slicing with huge
# bounds, slice assignment errors, set keys looked up as frozensets.

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: "abc".split(1))
t(lambda: "abc".split(""))
t(lambda: "abc".strip(1))
t(lambda: "abc".replace(1, "x"))
t(lambda: "abc".replace("a", "x", "1"))
t(lambda: "abc".replace("a", "x", -1))
t(lambda: "abc".find(1))
t(lambda: "abc".find("b", "1"))
t(lambda: "abc".find("b", None, 2))
t(lambda: "abc".count(""))
t(lambda: "abc".count("", 10))
t(lambda: "abc".find("", 3))
t(lambda: "abc".find("", 4))
t(lambda: "abc".startswith(("a", 1)))
t(lambda: "abc".startswith(1))
t(lambda: "abc".startswith("", 5))
t(lambda: "abc".endswith("", 3))
t(lambda: "abc".join("xy"))
t(lambda: "abc".center("5"))
t(lambda: "abc".center(5, "ab"))
t(lambda: "abc".ljust(2**70))
t(lambda: "abc".partition(1))
t(lambda: "abc".split("b", "1"))
t(lambda: "abc".split(sep="b", maxsplit=0))
t(lambda: "a b c".rsplit(None, 1))
t(lambda: "a,b,c".rsplit(",", maxsplit=1))
t(lambda: "abc".encode(1))
t(lambda: "abc".encode("utf8", errors=1))
t(lambda: "abc".encode("bogus"))
t(lambda: "abc".index("b", 2))
t(lambda: "abc".format_map(1))
t(lambda: "{a}".format_map({"a": 1}))
t(lambda: "abc".upper(1))
t(lambda: "abc".expandtabs("x"))
t(lambda: "a\tb".expandtabs(-1))
t(lambda: "abc".zfill(-1))
t(lambda: "ab".translate(1))
t(lambda: str.maketrans("ab", "c"))
t(lambda: str.maketrans(1))
t(lambda: "abc".removeprefix(1))
t(lambda: "abc".splitlines(keepends=1))
t(lambda: "x".isalpha(1))
t(lambda: "%c" % 65)
t(lambda: "%c" % "ab")
t(lambda: "%r %a" % ("é", "é"))
t(lambda: "%.3s" % "abcdef")
t(lambda: "%*d" % (5, 3))
t(lambda: "%-*d|" % (5, 3))
t(lambda: "%05.1f" % -2.25)
t(lambda: "%e" % 12345.678)
t(lambda: "%g" % 1e-5)
t(lambda: "%#o" % 8)
t(lambda: "%i" % 3.9)
t(lambda: "%x" % 3.9)
t(lambda: "%s" % ())
t(lambda: "%s" % ((),))
t(lambda: "%" % ())
t(lambda: "%z" % 1)
t(lambda: "%s %s" % [1, 2])
t(lambda: "%(a)s %(b)s" % {"a": 1})
t(lambda: "a" % ())
t(lambda: "a" % 1)
t(lambda: "a" % {"x": 1})
t(lambda: "%d%%" % 5)
t(lambda: "abc"[1:2:0])
S = "abc"
t(lambda: S["a"])
t(lambda: S[1.0])
t(lambda: "abcdef"[::2**70])
t(lambda: "abcdef"[-2**70::-1])
t(lambda: [1,2,3][::-2**70])
def f1():
    a = list(range(10))
    a[2**70:] = [1]
    return a
t(f1)
def f2():
    a = list(range(10))
    del a[::-3]
    return a
t(f2)
def f3():
    a = list(range(5))
    a[1:3] = a
    return a
t(f3)
def f4():
    a = [1, 2, 3]
    a[1:2] = 5
t(f4)
def f5():
    a = [1, 2, 3]
    a[::-1] = [4, 5]
t(f5)
def f6():
    a = [1, 2, 3]
    a[::-1] = "xyz"
    return a
t(f6)
def f7():
    a = [1, 2, 3]
    a[5] = 1
t(f7)
def f8():
    a = [1, 2, 3]
    del a[5]
t(f8)
def f9():
    a = [1, 2, 3]
    a["x"] = 1
t(f9)
def f10():
    a = (1, 2)
    a[0] = 1
t(f10)
def f11():
    a = "ab"
    del a[0]
t(f11)
def f12():
    d = {}
    del d[1]
t(f12)
t(lambda: b"abc"[::-1])
t(lambda: b"abc"[5])
t(lambda: b"abc"[-1])
t(lambda: (1, 2, 3)[1:][0])
t(lambda: (1, 2, 3)[5])
t(lambda: [][0])
t(lambda: "a"[2**70])
t(lambda: [0][-2**70])
t(lambda: [1, 2, 3].index(2, -2**70, 2**70))
t(lambda: "abc".index("c", -2**70, 2**70))
t(lambda: [1].insert(-2**70, 0))
t(lambda: [1].pop(2**70))
t(lambda: [1].pop(1.0))
t(lambda: [1, 2, 3].__getitem__(slice(1, None)))
t(lambda: [1, 2, 3].__len__())
t(lambda: "abc".__contains__("b"))
t(lambda: "abc".__contains__(1))
t(lambda: 1 in "abc")
t(lambda: [] in [[]])
t(lambda: None in {1: 2})
t(lambda: [1] in {1: 2})
t(lambda: [1] in {1})
t(lambda: {1: 2}.get([1]))
t(lambda: {1}.discard([1]))
t(lambda: {1}.discard({1}))
t(lambda: frozenset({1}) in {frozenset({1})})
t(lambda: {1} in {frozenset({1})})
t(lambda: {frozenset({1}): 2}[{1}] if False else {frozenset({1}): 2}.get(frozenset({1})))
a=[1,2,3]
for s in [slice(None,None,-1), slice(0,1,1), slice(0,1,2)]:
    try: a[s]=5
    except TypeError as e: print(e)
