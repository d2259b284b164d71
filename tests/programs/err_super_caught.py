# Bad super() uses caught: no such method on the parent, super() outside a class.
class Base:
    def hello(self):
        return "base hello"

class Child(Base):
    def hello(self):
        return "child, then " + super().hello()

    def broken(self):
        return super().missing()

c = Child()
print(c.hello())
try:
    c.broken()
except AttributeError as e:
    print("AttributeError:", e)
def free_function():
    return super()
try:
    free_function()
except RuntimeError as e:
    print("RuntimeError:", e)
