import urllib.parse as up, pprint, dataclasses, unittest
print(up.quote("a b/c?"), up.quote_plus("a b&c"), up.unquote("%C3%A9"))
pprint.pprint({"a": list(range(30)), "b": {"c": "x" * 50}}, width=60)
@dataclasses.dataclass(order=True)
class P:
    x: int
    y: int = 0
print(sorted([P(2), P(1, 5)]), dataclasses.asdict(P(1)))
