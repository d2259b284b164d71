# throw, close and send through `yield from` reach the subiterator (generator or any
# iterator with throw/close/send methods), and its return or StopIteration value ends the
# delegation.
def inner():
    try:
        x = yield 1
        print("inner got", x)
        x = yield 2
        print("inner got", x)
    except ValueError as e:
        print("inner caught", repr(e))
        yield 99
    except GeneratorExit:
        print("inner closing")
        raise
    finally:
        print("inner finally")
    return "ret"

def outer():
    try:
        r = yield from inner()
        print("outer r", r)
    except KeyError as e:
        print("outer caught", repr(e))
        yield -1
    finally:
        print("outer finally")

g = outer(); print(next(g)); print(g.throw(ValueError("v"))); 
try: next(g)
except StopIteration as e: print("stop", e.value)
g = outer(); print(next(g)); print(g.throw(KeyError("k")))
g = outer(); print(next(g)); g.close(); print("closed")
g = outer(); print(next(g)); print(g.send("s1"));
try: g.send("s2")
except StopIteration as e: print("stop", e.value)
g = outer(); print(next(g)); print(g.throw(ValueError))
g = outer(); print(next(g)); print(g.throw(ValueError, ValueError("x")))
def sub2():
    yield 1
    yield 2
def del2():
    yield from sub2()
g = del2(); next(g)
try: g.throw(TypeError("t"))
except TypeError as e: print("propagated", e)
print(list(g))
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration(self.n)
        return self.n
def del3():
    r = yield from It()
    print("r", r)
g = del3(); print(next(g))
try: g.send(5)
except AttributeError as e: print("AE", e)
g = del3(); print(next(g))
try: g.throw(ValueError("q"))
except ValueError as e: print("VE", e)
g = del3(); print(next(g)); g.close(); print("closed3")
class It2(It):
    def throw(self, *a): print("It2.throw", a); return 42
    def close(self): print("It2.close")
    def send(self, v): print("It2.send", v); return 7
def del4():
    yield from It2()
g = del4(); print(next(g)); print(g.throw(ValueError("z"))); print(g.send(3)); g.close()
def gclose():
    try:
        yield 1
    except GeneratorExit:
        yield 2
def dc():
    yield from gclose()
g = dc(); next(g)
try: g.close()
except RuntimeError as e: print("RE", e)
def d5():
    r = yield from It()
    print("r", r)
    return r
print(list(d5()))
g = outer(); print(next(g)); print(g.throw(ValueError, None))
g = outer(); print(next(g)); print(g.throw(ValueError, "msg"))
g = outer(); print(next(g)); print(g.throw(ValueError, ("a", "b")))
def thrower():
    yield 1
    return 5
def d6():
    r = yield from thrower()
    print("r6", r)
    yield r
g = d6(); next(g); print(next(g))
def sub7():
    try:
        yield 1
    except ValueError:
        return "handled"
def d7():
    r = yield from sub7()
    print("r7", r)
    yield "after"
g = d7(); next(g); print(g.throw(ValueError("x")))
def d8():
    try:
        yield from sub2()
    except GeneratorExit:
        print("outer saw GeneratorExit")
        raise
g = d8(); next(g); g.close(); print("closed8")
g = d8(); next(g)
try: g.throw(GeneratorExit)
except GeneratorExit: print("GE propagated")
def d9():
    yield from [1, 2]
g = d9(); next(g)
try: g.send(3)
except AttributeError as e: print("AE", e)
g = d9(); next(g)
try: g.throw(KeyError(1))
except KeyError as e: print("KE", e)
