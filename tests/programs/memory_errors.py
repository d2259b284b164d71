# Allocations no machine can satisfy raise a bare MemoryError (no message, no args) that can be
# caught; the program then goes on normally. The last one is left uncaught.
def check(label, make):
    try:
        r = make()
        print(label, "ok", type(r).__name__)
    except (MemoryError, OverflowError, ValueError) as e:
        print(label, type(e).__name__, repr(e), e.args, str(e) == "")

check("list repeat", lambda: [0] * (2 ** 61))
check("tuple repeat", lambda: (1, 2) * (2 ** 60))
check("bytes(n)", lambda: bytes(2 ** 60))
check("bytearray(n)", lambda: bytearray(2 ** 60))
check("bytes repeat", lambda: b"ab" * (2 ** 61))
check("bytearray repeat", lambda: bytearray(b"ab") * (2 ** 61))
check("str repeat", lambda: "ab" * (2 ** 61))
check("list(range)", lambda: list(range(2 ** 60)))
check("tuple(range)", lambda: tuple(range(2 ** 59)))
check("shift", lambda: 1 << (2 ** 40))
check("ljust", lambda: "x".ljust(2 ** 60))
check("zfill", lambda: "7".zfill(2 ** 60))
check("small ones fit", lambda: [0] * 1000 + list(range(1000)))

# The class: where it sits, how it prints, what it carries.
print([c.__name__ for c in MemoryError.__mro__])
print(repr(MemoryError()), repr(MemoryError("x")), str(MemoryError("a", "b")))
print(issubclass(MemoryError, Exception), issubclass(MemoryError, ArithmeticError))

# Handlers run, `finally` runs, and the memory a failed job held is not needed afterwards.
def fill():
    held = [1] * 1000
    try:
        return held * (2 ** 60)
    finally:
        print("finally ran with", len(held))

try:
    fill()
except MemoryError as e:
    print("caught", type(e).__name__, e.__context__, e.__cause__)
print(sum([1] * 100000))

def allocate():
    return bytes(2 ** 60)

allocate()
