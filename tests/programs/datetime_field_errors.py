# The field checks of datetime's constructors and replace(), with the messages and argument
# conversions of CPython's C `_datetime` (which CPython imports over datetime.py).
import datetime as dt

cases = [
    lambda: dt.date(2023, 2, 29), lambda: dt.date(2024, 2, 29), lambda: dt.date(2024, 13, 1), lambda: dt.date(2024, 0, 1),
    lambda: dt.date(0, 1, 1), lambda: dt.date(10000, 1, 1), lambda: dt.date(2024, 4, 31), lambda: dt.date(2024, 1, 0),
    lambda: dt.date(2024.0, 1, 1), lambda: dt.date("2024", 1, 1), lambda: dt.date(2 ** 40, 1, 1), lambda: dt.date(-2 ** 40, 1, 1),
    lambda: dt.date(2 ** 70, 1, 1), lambda: dt.date(True, True, True), lambda: dt.date(1900, 2, 29), lambda: dt.date(2000, 2, 29),
    lambda: dt.datetime(2024, 1, 1, 24), lambda: dt.datetime(2024, 1, 1, 1, 60), lambda: dt.datetime(2024, 1, 1, 1, 1, 60),
    lambda: dt.datetime(2024, 1, 1, 1, 1, 1, 1000000), lambda: dt.datetime(2024, 1, 1, fold=2), lambda: dt.datetime(2024, 1, 1, -1),
    lambda: dt.time(25), lambda: dt.time(1, 2, 3, -1), lambda: dt.time(1.5), lambda: dt.time(fold=1),
    lambda: dt.date(2024, 1, 31).replace(month=2), lambda: dt.datetime(2024, 1, 1).replace(hour=99), lambda: dt.time(1).replace(minute=61),
    lambda: dt.datetime.fromisoformat("2024-02-30"), lambda: dt.datetime.strptime("2023-02-29", "%Y-%m-%d"),
]
for i, c in enumerate(cases):
    try:
        print(i, c())
    except Exception as e:
        print(i, type(e).__name__, e, e.args)
