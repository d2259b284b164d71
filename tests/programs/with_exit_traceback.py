# __exit__ receives the exception's type, value and traceback (not None), for with and
# async with.
class CM:
    def __enter__(self):
        return self

    def __exit__(self, ty, val, tb):
        self.args = (ty, val, tb)
        return True


cm = CM()
with cm:
    raise ValueError("boom")
ty, val, tb = cm.args
print(ty.__name__, val, type(tb).__name__, tb.tb_lineno == val.__traceback__.tb_lineno, tb.tb_lineno)


def nested():
    with cm:
        [][1]


nested()
ty, val, tb = cm.args
print(ty.__name__, type(tb).__name__, tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_next)


class ACM:
    async def __aenter__(self):
        return self

    async def __aexit__(self, ty, val, tb):
        self.args = (ty, val, tb)
        return True


async def main():
    acm = ACM()
    async with acm:
        raise KeyError("k")
    ty, val, tb = acm.args
    print(ty.__name__, type(tb).__name__, tb.tb_lineno == val.__traceback__.tb_lineno)


try:
    main().send(None)
except StopIteration:
    pass
with cm:
    pass
print(cm.args)


# unittest's assertRaises clears the traceback's frames on exit.
import traceback


def failing(x):
    y = x + 1
    raise ValueError(y)


try:
    failing(1)
except ValueError as e:
    tb = e.__traceback__
    print(traceback.clear_frames(tb), tb.tb_next.tb_frame.f_code.co_name)
    print(tb.tb_next.tb_frame.clear(), tb.tb_next.tb_frame.f_locals)
