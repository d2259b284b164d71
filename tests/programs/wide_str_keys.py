# Strs holding lone surrogates as dict keys, keyword names and namespace fields.
import types

keys = ["\ud800", "a\udc80", "\udfff\ud800", "plain"]
d = {k: i for i, k in enumerate(keys)}
print(ascii(d), len(d), all(d[k] == i for i, k in enumerate(keys)))
print(ascii(sorted(d)), "\ud800" in d, "\ud801" in d)
d2 = dict(d)
del d2["a\udc80"]
print(ascii(d2), d == d2, d == dict(reversed(list(d.items()))))


def f(**kw):
    return kw


print(ascii(f(**{"\ud800": 1, "x": 2})))
print(ascii(types.SimpleNamespace(**{"a": 2, "b": "\udc80"})))
s = set(keys) | {"\ud800"}
print(len(s), ascii(sorted(s)))
print(ascii({k[::-1]: len(k) for k in keys}))
import time
info = time.get_clock_info("monotonic")
print(type(info).__name__, info.monotonic, info.adjustable, info.implementation)
import functools
print(ascii(dict(**{"\ud800": 1}, b=2)))
dd = {}
dd.update(**{"\udc80": 3})
print(ascii(dd))
p = functools.partial(f, **{"\ud800": 4})
print(ascii(p.keywords), ascii(p()))
import weakref


class Target:
    def __call__(self, **kw):
        return kw


t = Target()
print(ascii(weakref.proxy(t)(**{"\ud800": 5})))
