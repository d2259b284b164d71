# Pickling arrays: __reduce_ex__ for every protocol and typecode, subclasses with attributes,
# and array._array_reconstructor reading other machine formats, with its errors.
import array, pickle, copy
class A(array.array):
    pass
for code, init in [("b", [-1, 2]), ("B", [255]), ("h", [-300]), ("H", [65535]), ("i", [-5]), ("I", [7]), ("l", [-2**40]), ("L", [2**63]), ("q", [-1]), ("Q", [2**64-1]), ("f", [1.5]), ("d", [0.1]), ("u", "hé")]:
    a = array.array(code, init)
    for proto in range(0, 6):
        b = pickle.loads(pickle.dumps(a, proto))
        assert b == a and b.typecode == code, (code, proto)
    r = a.__reduce_ex__(3)
    print(code, r[0].__name__, r[1][1:], r[2], a.__reduce_ex__(2))
x = A("i", [1, 2]); x.attr = 5
y = pickle.loads(pickle.dumps(x, 4)); print(type(y).__name__, y, y.attr, copy.copy(x))
R = array._array_reconstructor
print(R(array.array, "i", 9, b"\x00\x00\x00\x05"), R(array.array, "h", 1, b"\xff\x01"), R(array.array, "d", 15, b"\x3f\xc0\x00\x00"))
print(R(array.array, "L", 13, b"\x00" * 7 + b"\x05"), R(array.array, "u", 19, b"\x00h\x00i"), R(A, "Q", 10, b"\x01" * 8))
for args in [(1, "i", 0, b""), (int, "i", 0, b""), (array.array, "x", 0, b""), (array.array, 1, 0, b""), (array.array, "i", 22, b""), (array.array, "i", -1, b""), (array.array, "i", 0, ""), (array.array, "b", 4, b"\x00\x01"), (array.array, "i", 8, b"\x00"), (array.array, "B", 3, b"\x01\x00"), (array.array, "f", 17, b"\x40" + b"\x00" * 7)]:
    try:
        print(R(*args))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(repr(A("d")), repr(A("u", "ab")), A("b", [1]) == array.array("b", [1]))
try:
    array.array("i").__reduce_ex__("x")
except TypeError as e:
    print(type(e).__name__)
