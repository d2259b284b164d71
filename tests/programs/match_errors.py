# Run-time errors raised while matching, with CPython's messages.
def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class C:
    pass


class BadArgs:
    __match_args__ = ["a"]


class BadElem:
    __match_args__ = ("a", 1)
    a = 1


class Two:
    __match_args__ = ("a", "b")

    def __init__(self):
        self.a = 1
        self.b = 2


class Lazy:
    __match_args__ = ("missing",)


class Sub(int):
    __match_args__ = ("label",)
    label = "seven"


def not_a_class():
    match 1:
        case len():
            return "matched"


def too_many_positional():
    match C():
        case C(1):
            return "matched"


def match_args_list():
    match BadArgs():
        case BadArgs(1):
            return "matched"


def match_args_element():
    match BadElem():
        case BadElem(1, 2):
            return "matched"


def repeated_attribute():
    match Two():
        case Two(1, a=1):
            return "matched"


def int_two_positional():
    match 5:
        case int(x, y):
            return "matched"


def two_allowed():
    match Two():
        case Two(1, 2, 3):
            return "matched"


def missing_attribute():
    match Lazy():
        case Lazy(x):
            return "matched"
        case _:
            return "attribute missing: no match"


def subclass_with_match_args():
    match Sub(7):
        case Sub(r):
            return f"label={r}"


class Key:
    def __init__(self, v):
        self.v = v


k = Key("a")
k2 = Key("a")


def duplicate_runtime_key():
    match {"a": 1}:
        case {k.v: 1, k2.v: 2}:
            return "matched"


class Raiser:
    @property
    def boom(self):
        raise ValueError("from property")


def attribute_raises():
    match Raiser():
        case Raiser(boom=1):
            return "matched"


class BadGet(dict):
    def get(self, key, default=None):
        raise KeyError("from get")


def get_raises():
    match BadGet(a=1):
        case {"a": 1}:
            return "matched"


def isinstance_hook():
    class Meta(type):
        def __instancecheck__(cls, obj):
            return True

    class Anything(metaclass=Meta):
        pass

    match 3:
        case Anything():
            return "instancecheck says yes"


for f in [not_a_class, too_many_positional, match_args_list, match_args_element,
          repeated_attribute, int_two_positional, two_allowed, missing_attribute,
          subclass_with_match_args, duplicate_runtime_key, attribute_raises, get_raises,
          isinstance_hook]:
    attempt(f.__name__, f)


# An uncaught error from matching ends the program with a traceback.
def final():
    match 1:
        case C(1):
            pass


final()
