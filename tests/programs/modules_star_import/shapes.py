# Exports only what __all__ lists.
__all__ = ["area", "PERIMETER_FACTOR", "exported_names"]
PERIMETER_FACTOR = 4


def area(side):
    return side * side


def helper():
    return "not exported"


def exported_names():
    return sorted(__all__)
