# User __eq__ inside tuple keys; unhashable built-ins have __hash__ None; unbound dunders check their receiver.

def t(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class K:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return isinstance(o, K) and self.v % 10 == o.v % 10

    def __hash__(self):
        return hash(self.v % 10)


d = {(K(1), 2): "a"}
t("tuple key eq", lambda: d.get((K(11), 2)))
t("tuple in set", lambda: (K(3), "x") in {(K(13), "x")})
t("nested tuple", lambda: ((K(1),),) in {((K(21),),)})
t("list hash", lambda: ([].__hash__, list.__hash__, dict.__hash__, set.__hash__))
t("hash list", lambda: hash([]))


class E:
    def __eq__(self, o):
        return True


t("eq no hash", lambda: E.__hash__)
t("hash E", lambda: hash(E()))
t("int add float", lambda: int.__add__(1.0, 2))
t("int add ok", lambda: int.__add__(1, 2))
t("float add int", lambda: float.__add__(1, 2.0))
t("str upper int", lambda: str.upper(1))
t("slot wrapper", lambda: (repr(int.__add__), int.__add__.__name__, int.__add__.__qualname__, int.__add__(True, 2)))
t("unbound no args", lambda: int.__add__())
t("wrapper get", lambda: int.__add__.__get__(5, int)(1))
class MyInt(int):
    pass
t("subclass receiver", lambda: int.__add__(MyInt(3), 4))
t("list len", lambda: (list.__len__([1, 2]), str.__len__("abc")))
t("list len bad", lambda: list.__len__("ab"))
