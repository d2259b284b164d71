# An uncaught exception whose class defines __str__: the last line uses it.
class ParseFailure(Exception):
    def __init__(self, line, col):
        super().__init__(line, col)
        self.line = line
        self.col = col

    def __str__(self):
        return f"parse failure at {self.line}:{self.col}"

print("parsing")
raise ParseFailure(3, 14)
