# Methods of tuple, dict, set, frozenset, range, int, float, generators, exceptions and
# property: wrong receivers get the descriptor error, wrong argument counts CPython's
# messages, and subclass instances are accepted as receivers.


def show(label, f):
    try:
        print(label, "->", repr(f()))
    except TypeError as e:
        print(label, "TypeError:", e)


class T(tuple):
    pass


class S(set):
    pass


def gen():
    yield 1


show("tuple.count subclass", lambda: tuple.count(T((1, 1, 2)), 1))
show("tuple.index wrong", lambda: tuple.index([1], 1))
show("tuple.count arity", lambda: (1,).count())
show("dict.get wrong", lambda: dict.get([], 1))
show("dict.update arity", lambda: {}.update({}, {}))
show("dict.fromkeys arity", lambda: dict.fromkeys())
show("set.union frozenset", lambda: set.union(frozenset()))
show("frozenset.union set", lambda: frozenset.union(set()))
show("set.add frozenset", lambda: set.add(frozenset(), 1))
show("set.union subclass", lambda: sorted(set.union(S([1]), [2])))
show("set.remove arity", lambda: set().remove())
show("set.pop arity", lambda: set().pop(1))
show("set.update keyword", lambda: set().update(x=1))
show("set.issubset arity", lambda: {1}.issubset())
show("range.count wrong", lambda: range.count([], 1))
show("range.index arity", lambda: range(3).index())
show("bool.bit_count", lambda: (True.bit_count(), False.bit_count()))
show("int.bit_length wrong", lambda: int.bit_length(1.0))
show("int.to_bytes wrong", lambda: int.to_bytes("x"))
show("int.to_bytes -1", lambda: (-1).to_bytes(0, "big", signed=True))
show("int.to_bytes keyword", lambda: (1).to_bytes(1, "big", x=1))
show("from_bytes on instance", lambda: (5).from_bytes(b"\x01\x00", "little"))
show("from_bytes keywords", lambda: int.from_bytes(bytes=b"\x01", byteorder="big"))
show("from_bytes missing", lambda: int.from_bytes())
show("fromhex on instance", lambda: (1.0).fromhex("0x1p4"))
show("fromhex rounding", lambda: float.fromhex("0x1.00000000000008p0"))
show("float.hex wrong", lambda: float.hex(1))
show("float.hex arity", lambda: (1.0).hex(1))
show("generator.send arity", lambda: gen().send())
show("generator.close arity", lambda: gen().close(1))
show("generator.throw arity", lambda: gen().throw())
show("add_note arity", lambda: ValueError().add_note())
show("add_note wrong", lambda: BaseException.add_note(1, "x"))
show("with_traceback arity", lambda: ValueError().with_traceback())
show("property.setter arity", lambda: property().setter())
