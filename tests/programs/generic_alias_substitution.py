# types.GenericAlias as CPython 3.11 has it: parameters, substitution, attributes taken
# from the origin, __unpacked__, copying and pickling; typing.get_type_hints over builtin
# generics.
from __future__ import annotations

import copy
import pickle
import types
import typing
from typing import Optional, TypeVar

T = TypeVar("T")
K = TypeVar("K")


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


show("params", lambda: (list[T].__parameters__, dict[K, list[T]].__parameters__, list[int].__parameters__))
show("subst", lambda: list[T][int])
show("subst2", lambda: dict[K, list[T]][str, float])
show("subst None", lambda: list[T][None])
show("nested", lambda: dict[str, tuple[T, K]][int, bytes])
show("too many", lambda: list[T][int, str])
show("too few", lambda: dict[K, T][int])
show("not generic", lambda: list[int][str])
show("name", lambda: (list[int].__name__, list[int].__qualname__))
show("method", lambda: list[int].append is list.append)
show("unpacked", lambda: list[int].__unpacked__)
show("copy", lambda: copy.copy(list[int]) == list[int])
show("deepcopy", lambda: copy.deepcopy(dict[str, list[int]]))
show("pickle", lambda: pickle.loads(pickle.dumps(dict[str, list[int]])))
show("reduce", lambda: list[int].__reduce__())
show("call", lambda: list[int]((1, 2)))
show("alias type", lambda: types.GenericAlias(list, (T,))[bytes])
show("union params", lambda: (int | list[T]).__parameters__)


def f(a: list[int], b: Optional[dict[str, T]] = None) -> tuple[int, ...]:
    return ()


show("hints", lambda: typing.get_type_hints(f))


class Box(typing.Generic[T]):
    items: list[T]


show("generic class", lambda: Box[int])
show("class hints", lambda: typing.get_type_hints(Box))
