# PEP 646 in 3.11: `*args: *Ts` annotations, `*tuple[...]` unpacking of a generic alias,
# and star expressions in subscripts.
import typing
from typing import Tuple, TypeVarTuple, Unpack

Ts = TypeVarTuple("Ts")


def f(*args: *Ts):
    pass


def g(*args: *tuple[int, str]):
    pass


print(f.__annotations__, g.__annotations__)
print(typing.get_type_hints(f), typing.get_type_hints(g))
star = [*tuple[int, str]]
print(star, star[0].__unpacked__, tuple[int, str].__unpacked__, star[0] == tuple[int, str])
print(Tuple[*Ts], tuple[int, *Ts], Tuple[int, Unpack[Ts]])
d = {(1, 2): "x", (0, 1, 2): "y"}
t = (1, 2)
print(d[*t], d[0, *t])
