# `except` clauses must name exception classes; every entry of a tuple is checked before
# any is matched, and the TypeError keeps the exception being handled as its context.


def t(spec, exc):
    try:
        try:
            raise exc
        except spec:
            print("caught", type(exc).__name__)
    except BaseException as e:
        print(type(e).__name__, e, "| context:", type(e.__context__).__name__)


class NotExc:
    pass


t((ValueError, 1), ValueError())
t((KeyError, 1), ValueError())
t(1, ValueError())
t("ValueError", ValueError())
t(int, ValueError())
t(NotExc, ValueError())
t((int,), ValueError())
t((ValueError, NotExc), ValueError())
t((ValueError, (KeyError,)), ValueError())
t((ValueError, (KeyError,)), KeyError())
t((), ValueError())
t(object, ValueError())
t(BaseException, ValueError())
t((LookupError, ValueError), KeyError())
t(Exception, KeyboardInterrupt())
