# types and graphlib import and work on sys, _io and the language core.
import graphlib
import sys
import types

print(types.SimpleNamespace(a=1, b="x"), type(sys.implementation) is types.SimpleNamespace)
print(types.ModuleType is type(sys), types.FunctionType, types.BuiltinFunctionType)
ns = types.SimpleNamespace(x=1)
ns.y = 2
print(ns, ns == types.SimpleNamespace(x=1, y=2), ns == types.SimpleNamespace(x=1))
print(types.TracebackType.__name__, types.FrameType.__name__, types.CodeType.__name__)
try:
    raise KeyError("k")
except KeyError as e:
    print(isinstance(e.__traceback__, types.TracebackType))
    print(isinstance(e.__traceback__.tb_frame, types.FrameType))
print(isinstance(sys._getframe(), types.FrameType))
ts = graphlib.TopologicalSorter({"d": ["b", "c"], "b": ["a"], "c": ["a"]})
print(list(ts.static_order()))
ts = graphlib.TopologicalSorter()
ts.add("x", "y")
ts.add("y")
ts.prepare()
print(ts.get_ready(), ts.is_active())
try:
    list(graphlib.TopologicalSorter({"a": ["b"], "b": ["a"]}).static_order())
except graphlib.CycleError as e:
    print(type(e).__name__, e.args[0], sorted(e.args[1]))
