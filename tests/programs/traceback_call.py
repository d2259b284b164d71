# An uncaught error raised inside a chain of method calls spanning lines, with nested
# calls as arguments: each frame's caret line covers its call.
class Builder:
    def __init__(self):
        self.parts = []

    def add(self, part):
        self.parts.append(part)
        return self

    def check(self, limit):
        if len(self.parts) > limit:
            raise ValueError(f"too many parts: {len(self.parts)} > {limit}")
        return self


def twice(x):
    return [x, x]


b = Builder()
print(b.add("a").add("b").check(5).parts)
result = (Builder()
          .add(twice("x"))
          .add(max(1, 2, 3))
          .check(min(4, 1)))
