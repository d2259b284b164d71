# X | Y on types makes types.UnionType; list[int] etc. make types.GenericAlias; PEP 560 __mro_entries__.

def t(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)
t("reprs", lambda: (repr(int | None), repr(None | int), repr(int | str | int), repr(int | int)))
t("eq", lambda: ((int | str) == (str | int), (int | str) == (int | bytes), hash(int | str) == hash(str | int)))
t("args", lambda: ((int | None).__args__, (int | str).__parameters__))
t("type", lambda: (type(int | str).__name__, type(int | str).__module__, repr(type(int | str))))
t("isinstance", lambda: (isinstance(1, int | str), isinstance(1.0, int | str), isinstance(None, int | None)))
t("issubclass", lambda: (issubclass(bool, int | str), issubclass(float, int | str)))
t("union generic", lambda: isinstance([], list[int] | int))
t("union bad", lambda: int | 1)
t("type.__or__", lambda: (type.__or__(int, str), type.__ror__(int, str), type.__or__(int, 1)))
t("nested", lambda: ((int | str) | list, int | (str | list), list[int] | None, int | list[int]))
t("alias", lambda: (list[int], dict[str, list[int]], tuple[()], tuple[int, ...], list['x'], type[int]))
t("alias attrs", lambda: (list[int].__origin__, list[int].__args__, list[int].__parameters__))
t("alias eq", lambda: (list[int] == list[int], list[int] == list, list[int] == list[str], hash(list[int]) == hash(list[int])))
t("alias call", lambda: list[int](range(3)))
t("alias type", lambda: (type(list[int]).__name__, isinstance(list[int], type)))
t("alias isinstance", lambda: isinstance([], list[int]))
t("alias issubclass", lambda: issubclass(list, list[int]))
t("alias getattr", lambda: (list[int].append is list.append, dict[str, int].fromkeys([1])))
t("not subscriptable", lambda: int[str])
class C(list[int]):
    pass
t("mro entries", lambda: (C.__bases__, C.__orig_bases__, C([1, 2])))
t("alias user class", lambda: list[C])
class D:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
t("class getitem", lambda: D[int])
t("union with alias", lambda: (int | list[int]).__args__)
