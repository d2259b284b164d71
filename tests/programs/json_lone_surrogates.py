# json keeps lone surrogates as CPython does: escaped by ensure_ascii, kept as they are
# otherwise, and decoded from \uXXXX escapes that do not pair.
import json

pair = "\ud83d\ude00"
lone = "a\udc80b"
for s in (pair, lone, "\ud800", "x\udfff\ud800y"):
    print(json.dumps(s), ascii(json.dumps(s, ensure_ascii=False)))
print(json.dumps({lone: [lone, 1]}))
print(ascii(json.dumps({lone: lone}, ensure_ascii=False)))
print(json.dumps("\U0001f600 é \x00 \x1f \u2028"))
print(ascii(json.dumps("\U0001f600 é \"q\" \\", ensure_ascii=False)))
for text in ('"\\ud800"', '"\\udc80x"', '"\\ud83d\\ude00"', '"\\ud83dx\\ude00"', '{"\\ud800": 1}', '["\\udbff\\udfff", "\\ud800\\ud800"]'):
    v = json.loads(text)
    print(ascii(v), json.loads(json.dumps(v)) == v)
print(ascii(json.loads('"\\ud800"').encode("utf-8", "surrogatepass")))
try:
    print(json.dumps(lone).encode("ascii"))
    json.dumps(lone, ensure_ascii=False).encode("utf-8")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)


class S(str):
    pass


print(json.dumps([S("\udc80"), S("ok")]))
print(json.encoder.encode_basestring_ascii("\udc80\n"), ascii(json.encoder.encode_basestring("\udc80\n")))
