# json.dumps / json.loads over a realistic API payload (nested records, unicode and escaped
# strings, floats, ints, booleans, nulls); PURE = True runs json's pure-Python fallbacks.
import json
import json.decoder
import json.encoder
import json.scanner

PURE = False
if PURE:
    json.decoder.scanstring = json.decoder.py_scanstring
    json.scanner.make_scanner = json.scanner.py_make_scanner
    json.encoder.c_make_encoder = None
    json.encoder.encode_basestring_ascii = json.encoder.py_encode_basestring_ascii
    json.encoder.encode_basestring = json.encoder.py_encode_basestring
    # json.loads' default decoder bound the native scanner when json was imported.
    json._default_decoder = json.JSONDecoder()


def make_payload(n):
    cities = ["Zürich", "São Paulo", "Kraków", "Reykjavík", "東京", "New York"]
    records = []
    x = 17
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        records.append({
            "id": i,
            "user": {"name": "user_%d" % (x % 9973), "email": "u%d@example.com" % i,
                     "city": cities[x % len(cities)], "verified": x % 3 == 0},
            "order": {"total": round((x % 100000) / 100.0, 2), "currency": "EUR",
                      "items": [{"sku": "SKU-%05d" % ((x >> k) % 50000), "qty": (x >> k) % 7 + 1,
                                 "price": ((x >> k) % 9999) / 100.0} for k in range(0, 12, 4)]},
            "tags": ["t%d" % (x % 13), "note: \"quoted\"\n\tline"],
            "score": (x % 1000) / 7.0,
            "parent": None if i % 4 else i - 1,
        })
    return {"version": 3, "count": n, "records": records}


payload = make_payload(400)
check = 0
for _ in range(20):
    text = json.dumps(payload)
    back = json.loads(text)
    check = (check + len(text) + len(back["records"])) % 1000003
pretty = json.dumps(payload["records"][:3], sort_keys=True, ensure_ascii=False)
print(check, len(text), back == payload, len(pretty))
