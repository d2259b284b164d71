# Modules CPython runs in C (_datetime, _decimal) leave no frames in a traceback, and json's
# scanner lets "no value here" go up as StopIteration for raw_decode to word.
import datetime
import decimal
import json
import traceback


class Zone(datetime.tzinfo):
    def utcoffset(self, dt):
        raise LookupError("no offset")


def frames(fn):
    try:
        fn()
    except Exception as e:
        names = [(fs.name, fs.lineno if fs.filename == __file__ else 0) for fs in traceback.extract_tb(e.__traceback__)]
        print(type(e).__name__, names)


frames(lambda: datetime.date(2024, 2, 30))
frames(lambda: decimal.Decimal(1) / 0)
frames(lambda: datetime.datetime(2024, 1, 1, tzinfo=Zone()).utcoffset())
frames(lambda: datetime.datetime(2024, 1, 1) - datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc))
frames(lambda: json.loads("[1, ]"))
frames(lambda: json.loads('{"a": }'))
frames(lambda: json.loads('{"a": 1 "b"}'))
print(decimal.Decimal("1.1") + decimal.Decimal("2.2"), datetime.date(2024, 1, 31) + datetime.timedelta(days=1))
decimal.getcontext().prec = 3
decimal.Decimal(1).quantize(decimal.Decimal("1e10"))
