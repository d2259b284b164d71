__all__ = ["helper_name"]


def helper_name():
    return __name__


def where():
    from . import A
    return A
