"""The pq package."""
from .inner import *
A = 1


def __getattr__(name):
    if name.endswith("lazy") or name == "lazy_thing":
        return "lazy:" + name
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
