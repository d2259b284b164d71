# Messages of the C accelerators (_decimal, _datetime) that CPython uses over the pure-Python
# modules.
import datetime as dt
import decimal
from decimal import Decimal as D

for bad in [lambda: D(1) / D(0), lambda: D("abc"), lambda: D("1.5").quantize(D("1e-30"), context=decimal.Context(prec=5)), lambda: int(D("nan"))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
a = dt.datetime(2024, 1, 1, 12, tzinfo=dt.timezone.utc)
print(dt.date(2024, 3, 1).isocalendar())
for bad in [lambda: dt.date(2023, 2, 29), lambda: dt.datetime.fromisoformat("2024-13-01"), lambda: a < dt.datetime(2024, 1, 1), lambda: dt.timedelta(days=1e10)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
