# `s += t` and `s = s + t` on strs: aliases never see the change, the result hashes and
# compares like the same text built any other way, and every kind of target works.


def aliases():
    s = "ab" * 3
    a = s
    s += "x"
    t = s
    s += "y"
    s = s + "z"
    return a, t, s


print(aliases())


def loop_build(n):
    s = ""
    for i in range(n):
        s += str(i % 10)
    return s


built = loop_build(2000)
print(len(built), built[:25], built[-5:])
print(built == "".join(str(i % 10) for i in range(2000)))
print(hash(built) == hash("".join(str(i % 10) for i in range(2000))))
d = {"".join(str(i % 10) for i in range(2000)): "found"}
print(d[built], built in d)


def kept_snapshots():
    s = "start"
    snaps = []
    for i in range(5):
        s += "-%d" % i
        snaps.append(s)
    s += "!"
    return snaps, s


print(kept_snapshots())


def in_container():
    s = "q"
    box = [s]
    s += "r"
    keyed = {s: 1}
    s += "s"
    return box, keyed, s, "qr" in keyed


print(in_container())


def non_ascii():
    s = "é"
    s += "😀"
    s += "abc"
    s += "ü"
    parts = [s, len(s), s[1], s[-1], s.upper()]
    h = hash(s) == hash("é😀abcü")
    return parts, h, s == "é😀abcü"


print(non_ascii())


def surrogates():
    s = "a"
    s += "\udc80"
    s += "b"
    return ascii(s), len(s), s == "a\udc80b", hash(s) == hash("a\udc80b")


print(surrogates())


def chained():
    s = "x"
    t = s + "y" + "z" + "w"
    u = t
    t += "v" + "u"
    return s, u, t


print(chained())


def errors():
    s = "abc"
    out = []
    for other in [1, None, b"x", ["l"]]:
        try:
            s += other
        except TypeError as e:
            out.append((type(e).__name__, str(e)))
    out.append(s)
    return out


print(errors())


class Tagged(str):
    def __add__(self, other):
        return Tagged(str.__add__(self, other) + "+")


def subclass():
    s = Tagged("t")
    s += "u"
    s += "v"
    r = "plain"
    r += Tagged("T")
    return s, type(s).__name__, r, type(r).__name__


print(subclass())

counter = ""


def on_global():
    global counter
    for i in range(4):
        counter += str(i)


on_global()
g_alias = counter
on_global()
print(counter, g_alias)


class Holder:
    def __init__(self):
        self.text = ""


h = Holder()
before = h.text
for w in ["alpha", "beta", "gamma"]:
    h.text += w + ","
print(h.text, repr(before))

items = {"k": "v"}
kept = items["k"]
for i in range(3):
    items["k"] += str(i)
print(items, kept)

lst = ["a", "b"]
first = lst[0]
lst[0] += "!"
print(lst, first)


def closure():
    acc = ""

    def add(part):
        nonlocal acc
        acc += part
        return acc

    results = [add(p) for p in ["one", "two", "three"]]
    return results, acc


print(closure())


def empty_sides():
    s = ""
    s += ""
    a = s
    s += "x"
    s += ""
    return a, s, len(s)


print(empty_sides())


def same_object_twice():
    s = "ab"
    s += s
    s += s
    return s


print(same_object_twice())


def interned_like():
    s = "abc"
    t = "abc"
    s += "d"
    return s, t, t == "abc"


print(interned_like())


def compare_after_growth():
    words = []
    s = ""
    for i in range(50):
        s += chr(97 + i % 26)
        words.append(s)
    return len(set(words)), sorted(words)[:3], words[-1][-5:], max(words, key=len) == s


print(compare_after_growth())


def star_args_left_alone(*parts):
    s = parts[0]
    s += "!"
    return s, parts


print(star_args_left_alone("p", "q"))


def generator_accumulate():
    s = ""
    for ch in "gen":
        s += ch
        yield s


print(list(generator_accumulate()))
