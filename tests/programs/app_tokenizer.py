# A tokenizer and recursive-descent evaluator for arithmetic with variables and errors.
class Token:
    def __init__(self, kind, text, pos):
        self.kind, self.text, self.pos = kind, text, pos

    def __repr__(self):
        return f"{self.kind}:{self.text!r}"


class ParseError(Exception):
    pass


def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            start = i
            while i < len(src) and (src[i].isdigit() or src[i] == "."):
                i += 1
            text = src[start:i]
            tokens.append(Token("num", float(text) if "." in text else int(text), start))
        elif ch.isalpha() or ch == "_":
            start = i
            while i < len(src) and (src[i].isalnum() or src[i] == "_"):
                i += 1
            tokens.append(Token("name", src[start:i], start))
        elif ch in "+-*/%()^=":
            tokens.append(Token("op", ch, i))
            i += 1
        else:
            raise ParseError(f"unexpected {ch!r} at {i}")
    tokens.append(Token("end", "", len(src)))
    return tokens


class Parser:
    def __init__(self, tokens, env):
        self.tokens = tokens
        self.i = 0
        self.env = env

    def peek(self):
        return self.tokens[self.i]

    def take(self, text=None):
        tok = self.tokens[self.i]
        if text is not None and tok.text != text:
            raise ParseError(f"expected {text!r} at {tok.pos}, got {tok.text!r}")
        self.i += 1
        return tok

    def expr(self):
        value = self.term()
        while self.peek().text in ("+", "-"):
            op = self.take().text
            rhs = self.term()
            value = value + rhs if op == "+" else value - rhs
        return value

    def term(self):
        value = self.factor()
        while self.peek().text in ("*", "/", "%"):
            op = self.take().text
            rhs = self.factor()
            if op == "*":
                value *= rhs
            elif op == "/":
                value /= rhs
            else:
                value %= rhs
        return value

    def factor(self):
        base = self.unary()
        if self.peek().text == "^":
            self.take()
            return base ** self.factor()
        return base

    def unary(self):
        if self.peek().text == "-":
            self.take()
            return -self.unary()
        tok = self.take()
        if tok.kind == "num":
            return tok.text
        if tok.kind == "name":
            if tok.text not in self.env:
                raise ParseError(f"unknown variable {tok.text}")
            return self.env[tok.text]
        if tok.text == "(":
            value = self.expr()
            self.take(")")
            return value
        raise ParseError(f"unexpected {tok.text!r} at {tok.pos}")


def run(line, env):
    tokens = tokenize(line)
    if len(tokens) > 2 and tokens[0].kind == "name" and tokens[1].text == "=":
        p = Parser(tokens[2:], env)
        env[tokens[0].text] = p.expr()
        p.take("")
        return f"{tokens[0].text} = {env[tokens[0].text]}"
    p = Parser(tokens, env)
    value = p.expr()
    p.take("")
    return value


print(tokenize("x = 3.5 * (y+2)"))
env = {}
for line in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "x = 10", "y = x / 4",
             "x % 3 + y", "7 / 0", "z + 1", "3 $ 4", "(1 + 2", "2 ** 3", "big = 2 ^ 100", "big % 97"]:
    try:
        print(line, "=>", run(line, env))
    except ParseError as e:
        print(line, "=> ParseError:", e)
    except ZeroDivisionError as e:
        print(line, "=> ZeroDivisionError:", e)
print(sorted(env.items()))
