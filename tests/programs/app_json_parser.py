# A JSON parser written in the subset: recursive descent, string escapes (including surrogate
# pairs), numbers, error positions, and a round trip through a serializer.
class JSONError(ValueError):
    def __init__(self, message, pos):
        super().__init__(f"{message} at position {pos}")
        self.pos = pos


class Parser:
    ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}

    def __init__(self, text):
        self.text = text
        self.pos = 0

    def error(self, message):
        raise JSONError(message, self.pos)

    def skip_ws(self):
        while self.pos < len(self.text) and self.text[self.pos] in " \t\r\n":
            self.pos += 1

    def parse(self):
        value = self.value()
        self.skip_ws()
        if self.pos != len(self.text):
            self.error("trailing data")
        return value

    def value(self):
        self.skip_ws()
        if self.pos >= len(self.text):
            self.error("unexpected end")
        ch = self.text[self.pos]
        if ch == "{":
            return self.obj()
        if ch == "[":
            return self.arr()
        if ch == '"':
            return self.string()
        if ch in "-0123456789":
            return self.number()
        for word, result in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return result
        self.error(f"unexpected {ch!r}")

    def obj(self):
        self.pos += 1
        out = {}
        self.skip_ws()
        if self.text[self.pos:self.pos + 1] == "}":
            self.pos += 1
            return out
        while True:
            self.skip_ws()
            if self.text[self.pos:self.pos + 1] != '"':
                self.error("expected a key")
            key = self.string()
            self.skip_ws()
            if self.text[self.pos:self.pos + 1] != ":":
                self.error("expected ':'")
            self.pos += 1
            out[key] = self.value()
            self.skip_ws()
            sep = self.text[self.pos:self.pos + 1]
            self.pos += 1
            if sep == "}":
                return out
            if sep != ",":
                self.pos -= 1
                self.error("expected ',' or '}'")

    def arr(self):
        self.pos += 1
        out = []
        self.skip_ws()
        if self.text[self.pos:self.pos + 1] == "]":
            self.pos += 1
            return out
        while True:
            out.append(self.value())
            self.skip_ws()
            sep = self.text[self.pos:self.pos + 1]
            self.pos += 1
            if sep == "]":
                return out
            if sep != ",":
                self.pos -= 1
                self.error("expected ',' or ']'")

    def string(self):
        self.pos += 1
        chunks = []
        while True:
            if self.pos >= len(self.text):
                self.error("unterminated string")
            ch = self.text[self.pos]
            self.pos += 1
            if ch == '"':
                return "".join(chunks)
            if ch != "\\":
                chunks.append(ch)
                continue
            esc = self.text[self.pos:self.pos + 1]
            self.pos += 1
            if esc in self.ESCAPES:
                chunks.append(self.ESCAPES[esc])
            elif esc == "u":
                code = self.hex4()
                if 0xD800 <= code < 0xDC00 and self.text.startswith("\\u", self.pos):
                    self.pos += 2
                    low = self.hex4()
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                chunks.append(chr(code))
            else:
                self.error(f"bad escape {esc!r}")

    def hex4(self):
        digits = self.text[self.pos:self.pos + 4]
        try:
            code = int(digits, 16)
        except ValueError:
            self.error(f"bad unicode escape {digits!r}")
        self.pos += 4
        return code

    def number(self):
        start = self.pos
        while self.pos < len(self.text) and self.text[self.pos] in "+-0123456789.eE":
            self.pos += 1
        literal = self.text[start:self.pos]
        try:
            return float(literal) if any(c in literal for c in ".eE") else int(literal)
        except ValueError:
            self.pos = start
            self.error(f"bad number {literal!r}")


def dumps(v):
    if isinstance(v, dict):
        return "{" + ", ".join(dumps(k) + ": " + dumps(x) for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(dumps(x) for x in v) + "]"
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    return repr(v)


docs = [
    '{"name": "permafrost", "tags": ["a", "b"], "n": 3, "ratio": 0.25, "ok": true, "none": null}',
    '[1, -2, 3.5e2, 1E-3, [], {}, [[["deep"]]]]',
    '"esc: \\" \\\\ \\/ \\n \\t \\u00e9 \\ud83d\\ude00"',
    '{"nested": {"list": [1, {"k": "v"}]}, "big": 123456789012345678901234567890}',
    '{"a": 1,}', '[1 2]', '{"a" 1}', '"open', '[1, tru]', '01x', '{"x": "\\q"}', '[1] 2',
]
for doc in docs:
    try:
        value = Parser(doc).parse()
        again = Parser(dumps(value)).parse()
        print(repr(value), again == value)
    except JSONError as e:
        print("JSONError:", e, "| pos", e.pos, "| is ValueError:", isinstance(e, ValueError))
