# json (CPython's pure encoder and decoder), codecs' registry and UTF-8 functions, and
# warnings.warn under the "default" filter.
import codecs
import json
import warnings

data = {"name": "pf", "n": [1, 2.5, None, True], "nested": {"k": "v\u00e9\n"}}
text = json.dumps(data, sort_keys=True)
print(text)
print(json.loads(text) == data, json.dumps(data, indent=2).count("\n"), json.dumps("\u00e9", ensure_ascii=False))
print(json.loads('[1, 2.0, "x", {"a": null}]'), json.dumps([1, (2, 3)], separators=(",", ":")))
for bad in ('{"a": }', "[1, 2", "nan?"):
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(type(e).__name__, e)
try:
    json.dumps({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
print(codecs.utf_8_encode("h\u00e9"), codecs.utf_8_decode(b"h\xc3\xa9"), codecs.utf_8_decode(b"h\xc3", None, False))
print(codecs.encode("abc", "utf-8"), codecs.decode(b"abc"), codecs.BOM_UTF8)
print(codecs.lookup_error("strict").__name__, codecs.lookup_error("ignore").__name__)
try:
    codecs.lookup_error("nope")
except LookupError as e:
    print(type(e).__name__, e)
print("\u00e9".encode("ascii", "replace"), b"\xff".decode("utf-8", "replace"))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("old api", DeprecationWarning)
print(len(caught), caught[0].category.__name__, str(caught[0].message))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("default")
    warnings.warn("shown once", UserWarning)
    warnings.warn("shown once", UserWarning)
print(len(caught), caught[0].lineno > 0, caught[0].filename.endswith("json_codecs_module.py"))
