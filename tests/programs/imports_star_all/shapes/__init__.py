__all__ = ["area", "circle", "square"]


def area(c):
    return round(3.14159 * c["r"] ** 2, 2)


def circle(r):
    return {"r": r}


def hidden():
    return "not exported"
