# sys: the constants and struct sequences programs read, as CPython 3.11 has them.
import sys

print(sys.maxsize, sys.maxsize == 2**63 - 1, sys.byteorder, sys.maxunicode)
print(type(sys.version_info), sys.version_info[:2], sys.version_info.major, sys.version_info.minor)
print(sys.version_info >= (3, 8), sys.version_info < (3, 12), sys.version_info > (3, 11, 0, "alpha"))
print(len(sys.version_info), sys.version_info.releaselevel, sys.version_info[3])
major, minor, *rest = sys.version_info
print(major, minor, len(rest), isinstance(sys.version_info, tuple))
print(sys.hexversion >> 16 == 0x30B, sys.hexversion >= 0x030B00F0)
print(sys.version.startswith("3.11."), type(sys.version).__name__)
print(sys.float_info)
print(sys.float_info.max == 1.7976931348623157e308, sys.float_info.epsilon, sys.float_info.mant_dig)
print(sys.int_info.bits_per_digit, sys.int_info.default_max_str_digits)
print(sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.width, hash(float("inf")) == sys.hash_info.inf)
print(sys.flags.optimize, sys.flags.debug, sys.flags.dev_mode, sys.flags.int_max_str_digits)
print(type(sys.implementation).__name__, type(sys.implementation.name).__name__)
print(sys.implementation.version == sys.version_info, sys.implementation.hexversion == sys.hexversion)
print(sys.platform, sys.getdefaultencoding(), sys.getfilesystemencoding())
print(type(sys.path).__name__, type(sys.argv).__name__, type(sys.modules).__name__)
print(type(sys.builtin_module_names).__name__, "sys" in sys.builtin_module_names, "builtins" in sys.builtin_module_names)
print(type(sys.meta_path).__name__, type(sys.path_hooks).__name__, type(sys.path_importer_cache).__name__)
print(sys.warnoptions, type(sys._xoptions).__name__)
print(sys.gettrace(), sys.getprofile(), sys.getswitchinterval(), sys.argv[0].endswith("sys_attributes.py"))
print(sys.intern("abc") == "abc", sys.getsizeof(1) > 0, sys.getsizeof([], 5) > 0)
try:
    sys.intern(1)
except TypeError as e:
    print(type(e).__name__, e)

# The recursion limit is the interpreter's own.
print(sys.getrecursionlimit())
sys.setrecursionlimit(120)
print(sys.getrecursionlimit())

def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as e:
    print(type(e).__name__, e)
sys.setrecursionlimit(1000)
for bad in (0, -5):
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    sys.setrecursionlimit(1.5)
except TypeError as e:
    print(type(e).__name__, e)

# exc_info / exception
print(sys.exc_info(), sys.exception())
try:
    1 / 0
except ZeroDivisionError as e:
    t, v, tb = sys.exc_info()
    print(t.__name__, v is e, sys.exception() is e, type(tb).__name__, tb.tb_lineno)
    print(tb.tb_frame.f_code.co_name, tb.tb_next)
print(sys.exc_info())

def raiser():
    raise KeyError("k")

try:
    raiser()
except KeyError:
    tb = sys.exc_info()[2]
    print(tb.tb_lineno, tb.tb_next.tb_lineno, tb.tb_next.tb_frame.f_code.co_name, tb.tb_next.tb_next)

# sys.exit raises SystemExit.
try:
    sys.exit("bye")
except SystemExit as e:
    print(type(e).__name__, e)
try:
    sys.exit()
except SystemExit as e:
    print(type(e).__name__, e.args)
