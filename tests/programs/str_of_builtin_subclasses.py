# str() of instances of built-in subclasses: str.__str__ and bytes.__str__ ignore a subclass __repr__; int, float, tuple and list leave str() to it.
class T(str):
    def __repr__(self): return "R(" + super().__repr__() + ")"
t = T("a")
print(str(t), f"{t}", "%s" % t, t, [t], "{}".format(t), format(t), str(t) + "x", type(str(t)))
class N(int):
    def __repr__(self): return "N!"
print(str(N(3)), f"{N(3)}", N(3), [N(3)], "%s %d" % (N(3), N(3)), "{}".format(N(3)))
class Fl(float):
    def __repr__(self): return "F!"
print(str(Fl(1.5)), f"{Fl(1.5)}", Fl(1.5), [Fl(1.5)])
class By(bytes):
    def __repr__(self): return "B!"
print(str(By(b"x")), [By(b"x")])
class Tu(tuple):
    def __repr__(self): return "Tu!"
print(str(Tu((1,))), Tu((1,)))
class Li(list):
    def __repr__(self): return "Li!"
print(str(Li([1])), Li([1]))
class St(str):
    def __str__(self): return "custom"
print(str(St("a")), St("a"), f"{St('a')}", "%s" % St("a"), [St("a")], "".join([St("a")]), St("a") + "b")
class Bo(int):
    def __str__(self): return "five"
print(str(Bo(5)), Bo(5), f"{Bo(5)}", "%s|%d" % (Bo(5), Bo(5)), repr(Bo(5)), format(Bo(5)), format(Bo(5), "d"))
