# Descriptor precedence: data descriptors beat the instance dict, which beats non-data ones.
class Data:
    def __init__(self, tag):
        self.tag = tag

    def __get__(self, inst, owner):
        return ("data", self.tag, inst is None, owner.__name__)

    def __set__(self, inst, value):
        setattr(inst, "_" + self.tag, value)


class NonData:
    def __get__(self, inst, owner=None):
        return ("nondata", inst is None, owner.__name__)


class DeleteOnly:
    def __get__(self, inst, owner):
        return "del-only get"

    def __delete__(self, inst):
        print("deleting via descriptor")


class SetOnly:
    def __set__(self, inst, value):
        print("SetOnly.__set__", value)


class C:
    d = Data("d")
    n = NonData()
    do = DeleteOnly()
    so = SetOnly()


C.d, C.n, C.do, C.so = None, None, None, None
c = C()
c.d = "inst-d"
c.n = "inst-n"
c.do = "inst-do"
c.so = "inst-so"
C.d, C.n, C.do, C.so = Data("d"), NonData(), DeleteOnly(), SetOnly()
print(c.d)
print(c.n)
print(c.do)
print(C.d, C.n)
c.d = 5
print(c._d)
del c.do
print(sorted(vars(c)))
try:
    del c.d
except AttributeError as e:
    print(type(e).__name__, e)
c.so = 7
print(type(C.so).__name__, c.so)

# Setting the descriptor on the class after instances exist.
class Late:
    pass


late = Late()
late.v = "instance"
print(late.v)
Late.v = Data("v")
print(late.v)
del Late.v
print(late.v)


# A descriptor found on a base class.
class Base:
    attr = Data("base")


class Derived(Base):
    pass


Base.attr = None
d = Derived()
d.attr = "shadow"
Base.attr = Data("base")
print(d.attr)


# __get__ on a function-like descriptor used as a method.
class Method:
    def __init__(self, f):
        self.f = f

    def __get__(self, inst, owner=None):
        if inst is None:
            return self
        return lambda *a: self.f(inst, *a)


class K:
    @Method
    def hello(self, who):
        return "hello " + who + " from " + type(self).__name__


print(K().hello("you"), type(K.hello).__name__)


# Descriptor __get__ raising AttributeError falls back to __getattr__.
class Failing:
    def __get__(self, inst, owner):
        raise AttributeError("failing get")


class WithFallback:
    x = Failing()

    def __getattr__(self, name):
        return "fallback " + name


print(WithFallback().x)


# Descriptors on a metaclass act on the class.
class MetaData:
    def __get__(self, inst, owner):
        return ("metadata", inst.__name__, owner.__name__)

    def __set__(self, inst, value):
        print("MetaData.__set__", inst.__name__, value)


class MetaDesc(type):
    level = MetaData()


class MC(metaclass=MetaDesc):
    pass


print(MC.level)
MC.level = 3
print("level" in MC.__dict__)
try:
    MC().level
except AttributeError as e:
    print(type(e).__name__, e)
