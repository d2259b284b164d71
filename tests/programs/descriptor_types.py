# property, classmethod, staticmethod and super are types: subclassing, attributes,
# __get__ called directly, copies keeping the subclass, error messages.


def t(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


t("types", lambda: [type(x) is type for x in (property, classmethod, staticmethod, super)])
t("names", lambda: [x.__name__ for x in (property, classmethod, staticmethod, super)])
t("isinstance", lambda: (isinstance(property(), property), isinstance(classmethod(len), classmethod),
                         isinstance(staticmethod(len), staticmethod), isinstance(len, property)))


def getx(self):
    "the x doc"
    return self._x


class AbstractishProperty(property):
    __isabstractmethod__ = True


class LoggedProperty(property):
    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        super().__init__(fget, fset, fdel, doc)
        self.log = []

    def __get__(self, obj, objtype=None):
        if obj is not None:
            self.log.append("get")
        return super().__get__(obj, objtype)


class Box:
    def __init__(self):
        self._x = 5

    x = LoggedProperty(getx)

    @x.setter
    def x(self, v):
        self._x = v

    y = AbstractishProperty(getx)

    @property
    def z(self):
        return 1

    @classmethod
    def make(cls):
        return cls.__name__

    @staticmethod
    def add(a, b):
        return a + b


b = Box()
t("subclass get", lambda: b.x)
b.x = 7
t("subclass set", lambda: (b.x, b._x))
t("setter keeps type", lambda: type(Box.__dict__["x"]).__name__)
t("log", lambda: Box.__dict__["x"].log)
t("class access", lambda: type(Box.x).__name__)
t("doc", lambda: (Box.__dict__["x"].__doc__, Box.z.__doc__, property(getx).__doc__,
                  property(getx, doc="given").__doc__, property().__doc__))
t("abstract", lambda: (Box.y.__isabstractmethod__, Box.z.__isabstractmethod__))
t("fget", lambda: (Box.z.fget.__name__, Box.z.fset, Box.z.fdel))
t("get direct", lambda: Box.__dict__["z"].__get__(b, Box))
t("get none", lambda: Box.__dict__["z"].__get__(None, Box) is Box.__dict__["z"])
t("set no setter", lambda: setattr(b, "z", 3))
t("del no deleter", lambda: delattr(b, "z"))
t("unnamed setter", lambda: property(getx).__set__(b, 1))
t("no getter", lambda: property().__get__(b))
t("bad receiver", lambda: property.__get__(1, 2))
t("too many", lambda: property(1, 2, 3, 4, 5))
t("bad keyword", lambda: property(fgot=1))
t("classmethod attrs", lambda: (Box.__dict__["make"].__func__.__name__,
                                Box.__dict__["make"].__wrapped__.__name__))
t("classmethod call", lambda: (Box.make(), b.make()))
t("classmethod __get__", lambda: Box.__dict__["make"].__get__(None, Box)())
t("classmethod __get__ obj", lambda: Box.__dict__["make"].__get__(b)())
t("classmethod invalid", lambda: Box.__dict__["make"].__get__(None, None))
t("staticmethod __get__", lambda: Box.__dict__["add"].__get__(b)(2, 3))
t("staticmethod call", lambda: (Box.add(1, 2), b.add(3, 4), staticmethod(len)("abc")))
t("classmethod args", lambda: classmethod())
t("staticmethod kw", lambda: staticmethod(f=len))


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class UsesAbstract:
    @abstractclassmethod
    def build(cls):
        return "built " + cls.__name__


class Sub(UsesAbstract):
    pass


t("abstractclassmethod", lambda: (Sub.build(), UsesAbstract.__dict__["build"].__isabstractmethod__,
                                 type(UsesAbstract.__dict__["build"]).__name__))
t("func abstract", lambda: UsesAbstract.__dict__["build"].__func__.__isabstractmethod__)


class counting_static(staticmethod):
    calls = 0

    def __init__(self, f):
        counting_static.calls += 1
        super().__init__(f)


class S:
    @counting_static
    def twice(v):
        return v * 2


t("staticmethod subclass", lambda: (S.twice(4), S().twice(5), counting_static.calls))
t("plain classmethod subclass", lambda: type(type("CM", (classmethod,), {})(len)).__name__)


class Base:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag

    def who(self):
        return "Base"

    @classmethod
    def kind(cls):
        return "Base.kind of " + cls.__name__


class Child(Base, tag="child"):
    def who(self):
        s = super()
        return ("Child", s.who(), s.__thisclass__.__name__, s.__self_class__.__name__,
                s.__self__ is self)

    @classmethod
    def kind(cls):
        return "Child+" + super().kind()


t("init_subclass", lambda: Child.tag)
t("super attrs", lambda: Child().who())
t("super classmethod", lambda: Child.kind())
t("super explicit", lambda: super(Child, Child()).who())
t("super class mode", lambda: super(Child, Child).kind())
t("super repr", lambda: (repr(super(Child, Child())), repr(super(Child, Child))))
t("super type", lambda: type(super(Child, Child())) is super)
t("super missing", lambda: super(Child, Child()).nothing)
