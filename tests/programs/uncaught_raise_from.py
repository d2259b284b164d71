# An uncaught exception raised `from` another: the last stderr line is the outer exception.
class StorageError(Exception):
    pass

def load(key):
    data = {"a": 1}
    try:
        return data[key]
    except KeyError as e:
        raise StorageError(f"cannot load {key!r}") from e

print(load("a"))
load("b")
