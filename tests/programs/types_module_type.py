import types, sys
for a, k in [((), {}), ((1,), {}), (("a", "b", "c"), {}), (("a",), {"doc": "d"}), ((), {"name": "n"}), (("a",), {"name": "n"}), (("a",), {"zz": 1})]:
    try:
        m = types.ModuleType(*a, **k); print(m, m.__dict__, m.__doc__)
    except Exception as e:
        print(type(e).__name__, e)
m = types.ModuleType("plugin"); m.y = 1; print(m.y, sorted(dir(m)), repr(m), m.__name__, isinstance(m, types.ModuleType))
exec("def hello(): return 'hi from ' + __name__", m.__dict__); print(m.hello())
sys.modules["plugin"] = m
plugin = __import__("plugin"); print(plugin.hello(), plugin is m)
