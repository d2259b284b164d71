# Unpacking exact tuples, lists, strs, ranges, dicts and iterators into locals, with every
# wrong count raising CPython's error (the target's previous values stay unchanged).


def attempt(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, e)


def tup():
    a, b, c = (1, "two", 3.0)
    return a, b, c


def lst():
    a, b, c, d, e, f, g, h, i, j = list(range(10))
    return a + j, e


def text():
    x, y, z = "xyz"
    return z + y + x


def wide_text():
    x, y = "é😀"
    return len(x), len(y), y


def rng():
    a, b, c = range(3, 6)
    return a * b * c


def dct():
    k1, k2 = {"one": 1, "two": 2}
    return k1, k2


def gen():
    a, b = (i * i for i in range(2))
    return a, b


def nested():
    (a, b), [c, d] = [(1, 2), (3, 4)]
    return a, b, c, d


def starred():
    a, *b, c = (1, 2, 3, 4, 5)
    return a, b, c


for label, fn in [("tuple", tup), ("list", lst), ("str", text), ("wide", wide_text),
                  ("range", rng), ("dict", dct), ("gen", gen), ("nested", nested),
                  ("starred", starred)]:
    attempt(label, fn)


def too_many_tuple():
    a, b = (1, 2, 3)
    return a, b


def too_few_tuple():
    a, b, c = (1, 2)
    return a


def too_many_list():
    a, b = [1, 2, 3, 4]


def too_few_list():
    a, b, c, d = [1]


def too_many_str():
    a, b = "abc"


def too_few_str():
    a, b, c = "a"


def too_many_iter():
    a, b = iter([1, 2, 3])


def too_few_iter():
    a, b, c = iter([1])


def too_many_gen():
    a, b = (i for i in range(5))


def empty_into_one():
    (a,) = ()


def not_iterable():
    a, b = 5


def none_value():
    a, b = None


def starred_short():
    a, b, *c, d = (1, 2)


for fn in [too_many_tuple, too_few_tuple, too_many_list, too_few_list, too_many_str,
           too_few_str, too_many_iter, too_few_iter, too_many_gen, empty_into_one,
           not_iterable, none_value, starred_short]:
    attempt(fn.__name__, fn)


def kept_on_error():
    a, b = 10, 20
    try:
        a, b = (1, 2, 3)
    except ValueError as e:
        print("kept", a, b, e)
    try:
        a, b = iter([7])
    except ValueError as e:
        print("kept", a, b, e)


kept_on_error()


class Seq(tuple):
    pass


def subclass_unpack():
    a, b, c = Seq((4, 5, 6))
    x, y = Seq("hi")
    return a + b + c, x + y


attempt("subclass", subclass_unpack)


def loop_unpack():
    out = []
    for k, v in [("a", 1), ["b", 2], "c3"]:
        out.append((k, v))
    try:
        for k, v in [(1, 2), (3,)]:
            out.append((k, v))
    except ValueError as e:
        out.append(str(e))
    return out


attempt("loop", loop_unpack)
