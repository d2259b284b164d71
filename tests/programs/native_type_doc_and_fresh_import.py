# Instances of the C-implemented types have a `__doc__` (read through their type), and
# test.support's import_fresh_module re-imports a module with some names blocked.
import abc
import array
import collections
import itertools
import re
import sys

from test.support import import_helper


class A(abc.ABC):
    pass


for o in [A._abc_impl, re.compile("a"), re.match("a", "a"), array.array("i"), itertools.count(),
          collections.deque(), collections.OrderedDict(), iter(array.array("b"))]:
    print(type(o).__name__, hasattr(o, "__doc__"), hasattr(type(o), "__doc__"))

import json

j2 = import_helper.import_fresh_module("json")
print(j2 is json, j2.dumps([1, {"a": None}]))
u = import_helper.import_fresh_module("uuid", blocked=["_uuid"])
print(u is not None, u._uuid, u.UUID(int=5))
pydec = import_helper.import_fresh_module("json.decoder", blocked=["_json"])
print(pydec.c_scanstring, pydec.scanstring('"ab"', 1))
missing = import_helper.import_fresh_module("json", fresh=["no_such_module_here"])
print(missing)
sys.modules["heapq"] = None
try:
    import heapq
except ImportError as e:
    print(type(e).__name__, e)
del sys.modules["heapq"]
import heapq

print(heapq.nsmallest(2, [3, 1, 2]))
import textwrap

del sys.modules["textwrap"]
import textwrap as t2

print(t2 is textwrap, t2.shorten("a b c d e f", 7))
import hashlib

b = import_helper.import_fresh_module("hashlib", blocked=["_hashlib"])
print(b is hashlib, b._hashlib, hashlib._hashlib is None, hashlib.new("md5", b"a").hexdigest())
import fractions

f2 = import_helper.import_fresh_module("fractions")
print(f2.Fraction is fractions.Fraction, f2.Fraction(1, 3) + 1, fractions.Fraction(1, 2) * 2)
ns = {}
exec("from math import *", ns)
print("sqrt" in ns, "sqrt" in globals())
