# Line numbers of frames for calls and expressions that span several lines.
def combine(a, b, c):
    return (
        a
        + b
        + c
    )


def build():
    parts = [
        "x",
        "y",
    ]
    return combine(
        parts[0],
        parts[1],
        len(parts),
    )


print(combine(1, 2, 3))
result = build()
