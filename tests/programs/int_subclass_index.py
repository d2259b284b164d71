import enum
class I(enum.IntEnum):
    A = 1
    B = 2
class M(int): pass
l = [10, 20, 30]
print(l[I.A], l[M(2)], "abc"[I.B], list(range(I.B)), (1, 2, 3)[M(0)], bytes(M(2)), [0] * I.B, l[I.A:], hex(M(255)), bin(I.B), format(M(5), "03d"))
import operator
print(operator.index(I.A), operator.index(M(7)), round(2.5, I.A), "x".center(M(3)))
import enum, operator
class I(enum.IntEnum):
    A = 1
class M(int): pass
for f in [lambda: operator.index(I.A), lambda: operator.index(M(7)), lambda: round(2.5, I.A), lambda: "x".center(M(3)), lambda: "abc".split(",", I.A), lambda: [1,2].pop(I.A), lambda: "ab" * I.A, lambda: int.to_bytes(5, M(2), "big"), lambda: chr(M(65)), lambda: "{:{}}".format(1, M(3))]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
class B:
    def __bytes__(self): return b"hi"
class X:
    def __index__(self): return 3
print(bytes(B()), bytes(X()), bytearray(X()))
