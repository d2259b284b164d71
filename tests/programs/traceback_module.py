# The traceback module over the image: format_exc, print_exc, format_exception,
# extract_tb (FrameSummary.line), format_list and linecache.getline find the frozen
# source through the module's __loader__, and carets come from co_positions().
import io
import linecache
import os
import sys
import traceback

HERE = os.path.dirname(__file__) + os.sep


def show(*args):
    # File names without the checkout's directory, which differs between machines.
    print(*(str(a).replace(HERE, "") for a in args))


class Record:
    pass


def inner(obj):
    return obj.name


def outer(items):
    return [inner(x) for x in items]


def fail_call():
    return outer(
        [Record()])


try:
    fail_call()
except AttributeError:
    text = traceback.format_exc()
    show(text)
    et, ev, tb = sys.exc_info()
    for fs in traceback.extract_tb(tb):
        show(fs.name, fs.lineno, repr(fs.line), fs.end_lineno)
    show("".join(traceback.format_exception(ev)))
    buf = io.StringIO()
    traceback.print_exc(file=buf)
    show(buf.getvalue())
    show(traceback.format_exception_only(et, ev))
    show("".join(traceback.format_list(traceback.extract_tb(ev.__traceback__)[:2])))

try:
    try:
        int("nope")
    except ValueError as e:
        raise LookupError("no such record") from e
except LookupError as e:
    show("".join(traceback.format_exception(type(e), e, e.__traceback__)))
    show("".join(traceback.format_exception(e, chain=False)))

show(repr(linecache.getline(__file__, 14, globals())))
show(repr(linecache.getline(__file__, 9999, globals())))
show(linecache.getline(__file__, 4, globals()).startswith("import"))
show(len(linecache.getlines(__file__, globals())) > 40)
show(traceback.extract_stack()[-1].line)


def divide(x):
    y = 0
    return x / y


try:
    divide(1)
except ZeroDivisionError:
    inner_tb = sys.exc_info()[2].tb_next
    positions = list(inner_tb.tb_frame.f_code.co_positions())
    show(inner_tb.tb_lineno, inner_tb.tb_lasti % 2, positions[inner_tb.tb_lasti // 2])
    show([line for _, _, line in divide.__code__.co_lines()][-1])
