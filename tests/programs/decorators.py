# User decorators: plain, with arguments, stacked, on methods, preserving behaviour.
calls = []

def trace(fn):
    def wrapper(*args, **kwargs):
        calls.append(fn.__name__)
        return fn(*args, **kwargs)
    return wrapper

def repeat(n):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(n)]
        return wrapper
    return deco

def bracket(fn):
    def wrapper(x):
        return "[" + fn(x) + "]"
    return wrapper

@trace
def add(a, b=1):
    return a + b

@repeat(3)
def hello(name):
    return "hi " + name

@bracket
@bracket
def shout(s):
    return s.upper()

print(add(1), add(2, b=5), calls, add.__name__)
print(hello("bob"), shout("x"))
registry = {}
def register(name):
    def deco(fn):
        registry[name] = fn
        return fn
    return deco
@register("sq")
def square(x):
    return x * x
print(registry["sq"](7), square(3), sorted(registry))
class Service:
    @trace
    def run(self, v):
        return v * 10
print(Service().run(4), calls)
def counted(fn):
    def wrapper(*a):
        wrapper.count += 1
        return fn(*a)
    wrapper.count = 0
    return wrapper
@counted
def noop():
    return None
noop(); noop(); noop()
print(noop.count)
