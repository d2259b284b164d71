# e.__traceback__ and sys.exc_info()[2]: traceback objects chained from the frame that
# caught the exception to the one that raised it.
import sys

print(ValueError().__traceback__)


def inner():
    raise KeyError("x")


def outer():
    inner()


try:
    outer()
except KeyError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb.tb_lineno, tb.tb_frame.f_code.co_name)
    print(tb.tb_next.tb_lineno, tb.tb_next.tb_frame.f_code.co_name)
    last = tb.tb_next.tb_next
    print(last.tb_lineno, last.tb_frame.f_code.co_name, last.tb_next)
    print(sys.exc_info()[2].tb_lineno == tb.tb_lineno, type(sys.exc_info()[2]) is type(tb))
    walk = []
    t = tb
    while t is not None:
        walk.append((t.tb_frame.f_code.co_name, t.tb_lineno))
        t = t.tb_next
    print(walk)
    print(tb.tb_frame.f_globals is globals(), last.tb_frame.f_code.co_filename == __file__)


def reraiser():
    try:
        inner()
    except KeyError:
        raise


try:
    reraiser()
except KeyError as e:
    walk = []
    t = e.__traceback__
    while t is not None:
        walk.append((t.tb_frame.f_code.co_name, t.tb_lineno))
        t = t.tb_next
    print(walk)
try:
    try:
        1 / 0
    except ZeroDivisionError as first:
        raise ValueError("second") from first
except ValueError as e:
    print(e.__traceback__.tb_lineno, e.__cause__.__traceback__.tb_lineno)
