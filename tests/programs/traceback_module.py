# The traceback module over the image: format_exc, print_exc, format_exception,
# extract_tb (FrameSummary.line), format_list and linecache.getline find the frozen
# source through the module's __loader__, and carets come from co_positions().
import linecache
import sys
import traceback


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
    print(text)
    et, ev, tb = sys.exc_info()
    for fs in traceback.extract_tb(tb):
        print(fs.name, fs.lineno, repr(fs.line), fs.end_lineno)
    print("".join(traceback.format_exception(ev)))
    traceback.print_exc(file=sys.stdout)
    print(traceback.format_exception_only(et, ev))
    print("".join(traceback.format_list(traceback.extract_tb(ev.__traceback__)[:2])))

try:
    try:
        int("nope")
    except ValueError as e:
        raise LookupError("no such record") from e
except LookupError as e:
    print("".join(traceback.format_exception(type(e), e, e.__traceback__)))
    print("".join(traceback.format_exception(e, chain=False)))

print(repr(linecache.getline(__file__, 14, globals())))
print(repr(linecache.getline(__file__, 9999, globals())))
print(linecache.getline(__file__, 4, globals()).startswith("import"))
print(len(linecache.getlines(__file__, globals())) > 40)
print(traceback.extract_stack()[-1].line)


def divide(x):
    y = 0
    return x / y


try:
    divide(1)
except ZeroDivisionError:
    inner_tb = sys.exc_info()[2].tb_next
    positions = list(inner_tb.tb_frame.f_code.co_positions())
    print(inner_tb.tb_lineno, inner_tb.tb_lasti % 2, positions[inner_tb.tb_lasti // 2])
    print([line for _, _, line in divide.__code__.co_lines()][-1])
