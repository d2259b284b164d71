# Class body scope: class attributes are not visible as bare names inside methods.
x = "module x"

class Scoped:
    x = "class x"
    y = x + " (read in the class body)"

    def method(self):
        return x

    def via_self(self):
        return self.x

    def via_class(self):
        return Scoped.x

s = Scoped()
print(Scoped.y)
print(s.method(), "|", s.via_self(), "|", s.via_class())
class Counter:
    total = 0
    def add(self):
        try:
            total += 1
        except UnboundLocalError as e:
            print("UnboundLocalError:", e)
        type(self).total += 1
        return type(self).total
c = Counter()
print(c.add(), c.add(), Counter.total)
def factory(tag):
    class Local:
        label = tag
        def show(self):
            return self.label + "/" + tag
    return Local
print(factory("a")().show(), factory("b").label, factory("q").__qualname__)
