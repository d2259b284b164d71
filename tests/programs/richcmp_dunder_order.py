# Which comparison methods run, in which order: the reflected one first for a subclass on the
# right; object.__ne__ defers to __eq__; when nothing answers, == and != fall back to identity.
calls = []


class Left:
    def __eq__(*args):
        calls.append("Left.__eq__")
        return NotImplemented


class Right:
    def __eq__(*args):
        calls.append("Right.__eq__")
        return NotImplemented

    def __ne__(*args):
        calls.append("Right.__ne__")
        return NotImplemented


print(Left() != Right(), calls)
calls.clear()
print(Left() == Right(), calls)
calls.clear()


class Base:
    def __eq__(*args):
        calls.append("Base.__eq__")
        return NotImplemented

    def __lt__(*args):
        calls.append("Base.__lt__")
        return NotImplemented


class Derived(Base):
    def __eq__(*args):
        calls.append("Derived.__eq__")
        return NotImplemented

    def __ne__(*args):
        calls.append("Derived.__ne__")
        return NotImplemented

    def __gt__(*args):
        calls.append("Derived.__gt__")
        return True


print(Base() != Derived(), calls)
calls.clear()
print(Base() == Derived(), calls)
calls.clear()
print(Base() < Derived(), calls)
calls.clear()
x = Left()
print(x == x, x != x, [x] == [x], x in [Left()], calls)
