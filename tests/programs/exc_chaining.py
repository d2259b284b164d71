# raise X from Y and implicit chaining: __cause__, __context__, __suppress_context__.
class ConfigError(Exception):
    pass

def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError("bad number: " + text) from e

try:
    parse("x1")
except ConfigError as e:
    print(e, "| cause:", type(e.__cause__).__name__, e.__cause__, "| suppress:", e.__suppress_context__)
try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("during handling")
except RuntimeError as e:
    print(e, "| context:", repr(e.__context__), "| cause:", e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("clean") from None
except ValueError as e:
    print(e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
