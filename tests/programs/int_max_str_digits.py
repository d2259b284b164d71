# The int/str conversion digit limit: CPython 3.11's default, its errors, and
# sys.set_int_max_str_digits / get_int_max_str_digits.
import sys


def t(label, f):
    try:
        r = f()
        print(label, repr(r)[:60])
    except Exception as e:
        print(label, type(e).__name__, str(e)[:160])


print(sys.get_int_max_str_digits(), sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)
big = 10 ** 4300
t("str 4301 digits", lambda: str(big))
t("str 4300 digits", lambda: len(str(big // 10)))
t("parse 4301", lambda: int("1" * 4301))
t("parse hex is free", lambda: int("f" * 5000, 16).bit_length())
t("repr neg", lambda: len(repr(-(big // 10))))
t("f-string", lambda: f"{big}")
t("set 100", lambda: sys.set_int_max_str_digits(100))
t("set -1", lambda: sys.set_int_max_str_digits(-1))
t("set str", lambda: sys.set_int_max_str_digits("5"))
t("set kw", lambda: sys.set_int_max_str_digits(maxdigits=700))
print(sys.get_int_max_str_digits())
t("str 701", lambda: str(10 ** 700))
t("str 700", lambda: len(str(10 ** 699)))
t("parse 701", lambda: int("9" * 701))
t("set 0", lambda: sys.set_int_max_str_digits(0))
print(sys.get_int_max_str_digits())
t("no limit", lambda: len(str(10 ** 20000)))
t("no limit parse", lambda: int("7" * 20000) % 1000)
sys.set_int_max_str_digits(640)
t("640", lambda: (len(str(10 ** 639)), str(10 ** 640)))
