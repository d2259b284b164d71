VERSION = "1.0"


def helper(x):
    return f"helped({x})"


def top_level_relative():
    # `app.helpers` is in package `app`: one dot is `app`, two dots is beyond it.
    try:
        from .. import nothing
    except ImportError as e:
        return f"{type(e).__name__}: {e}"
