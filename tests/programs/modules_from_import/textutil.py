# Small text utilities; DEFAULT_SEP is module state changed by set_sep.
DEFAULT_SEP = "-"


def words(text):
    return text.split()


def slugify(text):
    return DEFAULT_SEP.join(w.lower() for w in words(text))


def set_sep(sep):
    global DEFAULT_SEP
    DEFAULT_SEP = sep
