# A run of identical traceback entries is printed three times, then summarised.


def countdown(n):
    if n == 0:
        return {}["missing"]
    return countdown(n - 1)


def other(n):
    if n == 0:
        return countdown(5)
    return other(n - 1)


def short(n):
    if n == 0:
        raise ValueError("short run")
    return short(n - 1)


for f, n in ((short, 2), (short, 3), (other, 1)):
    try:
        f(n)
    except Exception as e:
        print(type(e).__name__, e)

other(4)
