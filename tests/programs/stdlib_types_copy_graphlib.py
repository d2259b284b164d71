# types, copy, warnings and graphlib import and work (they rest on sys, _io and the
# language core).
import copy
import graphlib
import sys
import types
import warnings

print(types.SimpleNamespace(a=1, b="x"), type(sys.implementation) is types.SimpleNamespace)
print(types.ModuleType is type(sys), types.FunctionType, types.BuiltinFunctionType)
ns = types.SimpleNamespace(x=1)
ns.y = 2
print(ns, ns == types.SimpleNamespace(x=1, y=2), ns == types.SimpleNamespace(x=1))
data = {"a": [1, 2, {"b": (3, 4)}], "c": {5, 6}}
deep = copy.deepcopy(data)
print(deep == data, deep["a"] is data["a"], deep["a"][2] is data["a"][2])
shallow = copy.copy(data)
print(shallow == data, shallow["a"] is data["a"])
ts = graphlib.TopologicalSorter({"d": ["b", "c"], "b": ["a"], "c": ["a"]})
print(list(ts.static_order()))
try:
    list(graphlib.TopologicalSorter({"a": ["b"], "b": ["a"]}).static_order())
except graphlib.CycleError as e:
    print(type(e).__name__, e.args[0])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("careful", UserWarning)
print(len(caught), caught[0].category.__name__, str(caught[0].message))
