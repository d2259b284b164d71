# Attribute errors of __slots__ instances: missing attributes, class attributes that cannot
# be set or deleted through the instance, unset slots.
class A:
    pass


class B:
    y = 0
    __slots__ = ("z",)


def get_x():
    return B().x


def del_x():
    del B().x


def set_x():
    B().x = 0


def del_y():
    del B().y


def set_y():
    B().y = 0


def get_z():
    return B().z


def del_z():
    del B().z


def del_a():
    del A().x


for f in [get_x, del_x, set_x, del_y, set_y, get_z, del_z, del_a]:
    try:
        f()
        print(f.__name__, "no error")
    except AttributeError as e:
        print(f.__name__, type(e).__name__, e)
b = B()
b.z = 5
del b.z
print(hasattr(b, "z"), B.y)
