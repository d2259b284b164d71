# Class bodies inside functions: free variables of the enclosing function, a name assigned in the
# class body (read before assignment it comes from the globals, not the function), globals
# declared in the class body, methods closing over the function.
counter = 0
shadowed = "global"

def make(tag):
    x = "enclosing"
    shadowed = "enclosing"
    base = 10
    class Local:
        before = x
        first = shadowed
        shadowed = "class-level"
        after = shadowed
        label = tag.upper()
        global counter
        counter += 1
        defaults = (lambda v=base: v)()
        doubled = [base * 2 for _ in range(2)]
        gen_total = sum(base + i for i in range(3))

        def method(self):
            return (x, base, tag)

        def shadow(self):
            return self.after
    return Local

C = make("a")
print(C.before, C.first, C.after, C.label, C.defaults, C.doubled, C.gen_total, counter)
print(C().method(), C().shadow(), C.__qualname__, C.method.__qualname__)
D = make("b")
print(D.label, counter, C is D, D().method())

def outer():
    value = 1
    class Inner:
        def read(self):
            return value
        def bump(self):
            nonlocal value
            value += 1
            return value
    obj = Inner()
    obj.bump()
    value += 10
    return obj.read(), obj.bump()
print(outer())
