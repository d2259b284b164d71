# slice objects: construction errors, comparison, hashing and indices().


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class I:
    def __index__(self):
        return 3


t(lambda: slice(1, 2) == slice(1, 2))
t(lambda: slice(1, 2) != slice(1, 2, None))
t(lambda: slice(1, 2) == slice(1, 3))
t(lambda: slice(1, 2) == (1, 2, None))
t(lambda: slice(1, 2) < slice(1, 3))
t(lambda: slice(1, 2) <= slice(1, 2))
t(lambda: slice(2) > slice(1))
t(lambda: slice(1, 2) < slice(1, "a"))
t(lambda: slice(1, 2) < (1, 2))
t(lambda: sorted([slice(3), slice(1, 2), slice(0, 5)]))
t(lambda: hash(slice(1, 2)))
t(lambda: {slice(1): 1})
t(lambda: slice())
t(lambda: slice(1, 2, 3, 4))
t(lambda: slice(start=1))
t(lambda: (slice(1, 2, 3).start, slice(1, 2, 3).stop, slice(1, 2, 3).step))
t(lambda: (slice(5).start, slice(5).stop, slice(5).step))
t(lambda: slice("a", [1], 2.5))
t(lambda: slice(5).indices(10))
t(lambda: slice(None, None, -1).indices(10))
t(lambda: slice(None, None, 0).indices(10))
t(lambda: slice(-100, 100, 2).indices(10))
t(lambda: slice(2**100, -(2**100), -3).indices(2**70))
t(lambda: slice(1, 2).indices(-1))
t(lambda: slice(1, 2).indices("x"))
t(lambda: slice("a").indices(3))
t(lambda: slice(I(), None, I()).indices(I()))
t(lambda: slice(1, 2).indices())
t(lambda: [0, 1, 2, 3, 4, 5][slice(I(), None)])
