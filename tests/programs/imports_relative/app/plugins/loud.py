from ..core import double
from ..core.engine import run


def shout(s):
    return double(s).upper() + "|" + run(s)


def too_far():
    try:
        from ...x import y
    except ImportError as e:
        return f"{type(e).__name__}: {e}"
