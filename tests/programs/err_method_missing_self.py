# A method defined without `self` called on an instance: TypeError, uncaught.
class Greeter:
    def greet():
        return "hi"

g = Greeter()
print(Greeter.greet())
g.greet()
