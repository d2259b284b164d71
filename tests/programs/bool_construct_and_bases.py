# bool(): argument checks, __len__ results in truth tests, bool.from_bytes, and built-in types
# that cannot be subclassed.
for args, kw in [((42, 42), {}), ((), {"x": 10}), ((), {})]:
    try:
        print(bool(*args, **kw))
    except TypeError as e:
        print(type(e).__name__, e)


class Eggs:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


for n in [0, 3, -1, "x", 2 ** 70, True, -(2 ** 70)]:
    for f in (bool, len):
        try:
            print(f.__name__, f(Eggs(n)))
        except Exception as e:
            print(f.__name__, type(e).__name__, e)
print(bool.from_bytes(b"\x00" * 8, "big"), bool.from_bytes(b"abcd", "little"))
print(type(bool.from_bytes(b"\x01", "big")).__name__)


class MyInt(int):
    pass


m = MyInt.from_bytes(b"\x01\x00", "little")
print(type(m).__name__, m, type(int.from_bytes(b"\x05", "big")).__name__)
for base in [bool, type(None), range, slice, type(len), type(lambda: 0), type(NotImplemented),
             type(...), type(iter([]))]:
    try:
        class C(base):
            pass
        print("subclassed", base.__name__)
    except TypeError as e:
        print(type(e).__name__, e)
for base in [int, str, list, dict, object, type, property, Exception]:
    class D(base):
        pass
    print("ok", base.__name__)
