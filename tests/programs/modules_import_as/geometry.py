# Geometry helpers imported under aliases.
PI = 3.14159


def area(w, h):
    return w * h


def perimeter(w, h):
    return 2 * (w + h)
