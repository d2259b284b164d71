# `from M import f, g`: names bound in the importer; later rebinding in M is not seen.
from textutil import slugify, words, DEFAULT_SEP
from textutil import set_sep
import textutil

print(slugify("Hello Big World"), words("a b  c"), DEFAULT_SEP)
set_sep("_")
print(DEFAULT_SEP, textutil.DEFAULT_SEP, slugify("x y"))
try:
    from textutil import missing_name
except ImportError as e:
    print(type(e).__name__, e.name, "missing_name" in str(e))
