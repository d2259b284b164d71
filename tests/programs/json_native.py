# json on the _json accelerator: loads/dumps results, every JSONDecodeError message and
# position, hooks, parse_* callbacks, scanstring / encode_basestring(_ascii) directly,
# the encoder's key rules, circular references and non-finite floats.
import json
import json.decoder
import json.encoder
import json.scanner

print(json.scanner.make_scanner is json.scanner.c_make_scanner,
      json.decoder.scanstring is json.decoder.c_scanstring,
      json.encoder.c_make_encoder is not None)

doc = '{"a": [1, 2.5, -3e2, 1E+3, 0.000001, 12345678901234567890123, -0, -0.0], "b": {"c": null, "d": true, "e": false}, "s": "x\\n\\t\\"\\\\\\/\\u00e9\\ud83d\\ude00", "u": "\u00fc\u4e2d", "n": NaN, "i": [Infinity, -Infinity], "empty": [{}, [], ""]}'
v = json.loads(doc)
print(v)
print(json.dumps(v))
print(json.dumps(v, ensure_ascii=False))
print(json.dumps(v, sort_keys=True, separators=(",", ":")))
print(json.loads('  [1 , 2 ,\n 3 ]  '), json.loads('"\\u0041\\u00DF"'), json.loads("123"), json.loads("-1.5e-3"))
print(json.loads('{"a": 1, "a": 2}'), json.loads('[1e400, -1e400]'))

bad = ['', ' ', '[', '[1,', '[1,]', '[1 2]', '{', '{"a"', '{"a" 1}', '{"a": }', '{"a": 1,}', '{"a": 1 "b": 2}',
       '{1: 2}', '"abc', '"a\\qb"', '"\\u12"', '"\\u12zz"', '"a\nb"', '[1] x', 'nul', 'tru', '-', '-x', '01',
       '1.', '.5', '1e', '[1, 2', '{"a": [}', '"\\', '"\\u', '\ufeff[1]', '[NaN, Infinity, -Infinity, nan]', 'true false']
for s in bad:
    try:
        print(repr(s), "->", json.loads(s))
    except json.JSONDecodeError as e:
        print(repr(s), "->", type(e).__name__, e, e.pos, e.lineno, e.colno)
try:
    json.loads('[\n  1,\n  2\n  x]')
except json.JSONDecodeError as e:
    print(e.msg, e.pos, e.lineno, e.colno)

print(json.loads('"a\tb"', strict=False), json.loads('{"x": 1}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"x": 1, "y": [2]}', object_pairs_hook=list))
print(json.loads('{"x": 1, "y": 2.5}', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('[NaN, -Infinity]', parse_constant=lambda c: "const:" + c))
print(json.decoder.JSONDecoder().raw_decode('[1, 2] tail'))

ss = json.decoder.c_scanstring
print(ss('"abc" rest', 1), ss('x"y\\nz"', 2), ss('abc"', 0), ss('"a\tb"', 1, False))
for args in [('"abc', 1), ('"a\\x"', 1), ('"abc"', 10), ('"abc"', -1), ('"a\x01"', 1)]:
    try:
        print(ss(*args))
    except (json.JSONDecodeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ss(b'"abc"', 1)
except TypeError as e:
    print("TypeError", e)

eba = json.encoder.c_encode_basestring_ascii
eb = json.encoder.c_encode_basestring
for s in ['plain', 'quote"back\\', 'ctl\x00\x1f\x7f', 'uni\u00e9\u20ac\U0001f600', '\b\f\n\r\t/']:
    print(eba(s), eb(s))
try:
    eba(1)
except TypeError as e:
    print("TypeError", e)

print(json.dumps({1: "int", 2.5: "float", True: "t", None: "n", "s": "s"}))
print(json.dumps({3: 1, 1: 2, 2: 3}, sort_keys=True))
print(json.dumps({(1, 2): 1, "a": 2}, skipkeys=True))
for obj, kw in [({(1, 2): 1}, {}), ({1: 1, "a": 2}, {"sort_keys": True}), (float("nan"), {"allow_nan": False}),
                ([float("inf")], {"allow_nan": False}), (object(), {}), ({1j: 1}, {})]:
    try:
        print(json.dumps(obj, **kw))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
a = []
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print("ValueError", e)
d = {}
d["self"] = d
try:
    json.dumps(d)
except ValueError as e:
    print("ValueError", e)
print(json.dumps(a, check_circular=False) if False else "skip")


class P:
    def __init__(self, x):
        self.x = x


print(json.dumps([P(1), P(2)], default=lambda o: {"P": o.x}))
print(json.dumps((1, (2, 3)), separators=(";", "=")), json.dumps([[], {}, ""]))
print(json.dumps([1.0, 1e16, 1.5e-7, -0.0, 123456789.125, 2 ** 70, True, None]))
print(json.dumps({"nested": {"deep": [{"x": [1, {"y": None}]}]}}, indent=2))
from enum import IntEnum


class Color(IntEnum):
    RED = 1


class S(str):
    pass


class L(list):
    pass


print(json.dumps([Color.RED, S("sub"), L([1, 2]), {S("k"): 1}]))
big = {"k%d" % i: [i, str(i), i * 0.5, {"v": i % 3 == 0}] for i in range(200)}
assert json.loads(json.dumps(big)) == big
print(len(json.dumps(big)), json.dumps(big)[:80])
deep = "[" * 50000 + "]" * 50000
try:
    json.loads(deep)
except RecursionError as e:
    print("RecursionError", e)


class Text(str):
    pass


print(json.decoder.JSONDecoder().scan_once(Text('{"sub": [1, "x"]}'), 0), json.decoder.c_scanstring(Text('"ab"'), 1), eba(Text("é")))
