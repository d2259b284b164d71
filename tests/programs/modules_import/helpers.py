# A helper module with constants, functions, a class and mutable module state.
GREETING = "hello"
counter = 0


def add(a, b):
    return a + b


def bump():
    global counter
    counter += 1


def shout():
    return GREETING.upper()


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"
