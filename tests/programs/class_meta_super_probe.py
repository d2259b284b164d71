# Metaclasses, descriptors with __set_name__, super() forms and their errors.

def t(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["made_by"] = mcls.__name__
        return super().__new__(mcls, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.kw = kw

    @property
    def upper(cls):
        return cls.__name__.upper()

    def __call__(cls, *a):
        inst = super().__call__(*a)
        inst.via_meta = True
        return inst


class A(metaclass=Meta, flag=1):
    def __init__(self, x=0):
        self.x = x


t("meta", lambda: (A.made_by, A.kw, A.upper, type(A).__name__))
t("meta call", lambda: (A(3).x, A(3).via_meta))
t("classmethod property", lambda: type(A).__dict__["upper"].fget(A))


class cached:
    def __init__(self, f):
        self.f = f
        self.name = f.__name__

    def __set_name__(self, owner, name):
        self.owner_name = owner.__name__

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        v = self.f(obj)
        obj.__dict__[self.name] = v
        return v


class B:
    calls = 0

    @cached
    def val(self):
        B.calls += 1
        return 42


b = B()
t("cached", lambda: (b.val, b.val, B.calls, B.__dict__["val"].owner_name))
t("staticmethod callable", lambda: staticmethod(len)([1]))
t("classmethod of classmethod", lambda: type(classmethod(classmethod(len))).__name__)


class P:
    @property
    def x(self):
        "doc x"
        return 1


t("property doc", lambda: P.x.__doc__)
t("super no args outside", lambda: super())


class C1:
    def f(self):
        return "C1"


class C2(C1):
    def f(self):
        return "C2>" + super(C2, self).f()


t("super explicit", lambda: C2().f())
t("super bad", lambda: super(C2, 1))
t("super unbound", lambda: super(C2).__thisclass__)
t("type of super", lambda: super.__name__)
t("isinstance super", lambda: isinstance(super(C2, C2()), super))
t("callable property", lambda: callable(property()))
t("classmethod repr", lambda: repr(classmethod(len)))
t("staticmethod repr", lambda: repr(staticmethod(len)))
t("init subclass kw", lambda: type("X", (object,), {}, foo=1))
t("type 3 args", lambda: type("Y", (C1,), {"a": 1}).a)
t("mro", lambda: [k.__name__ for k in C2.__mro__])
t("abstract", lambda: getattr(property(), "__isabstractmethod__"))
t("unbound repr", lambda: (repr(super(C2)), super(C2).__self__, super(C2).__self_class__))
t("unbound attr", lambda: super(C2).f)
t("super too many", lambda: super(C2, C2(), 1))
t("super class mode ok", lambda: super(C2, C2).f(C2()))
