# The built-in exception hierarchy: base classes catch subclasses, issubclass relations.
pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
    (IndexError, LookupError), (KeyError, LookupError), (UnboundLocalError, NameError),
    (RecursionError, RuntimeError), (NotImplementedError, RuntimeError),
    (ModuleNotFoundError, ImportError), (StopIteration, Exception), (Exception, BaseException),
    (KeyboardInterrupt, Exception), (TypeError, ValueError), (AssertionError, Exception),
    (AttributeError, Exception), (LookupError, Exception), (bool, int),
]
for sub, base in pairs:
    print(sub.__name__, base.__name__, issubclass(sub, base))

def catch(exc, handler):
    try:
        raise exc
    except handler as e:
        return "caught " + type(e).__name__ + " as " + handler.__name__

print(catch(ZeroDivisionError("z"), ArithmeticError))
print(catch(KeyError("k"), LookupError))
print(catch(IndexError("i"), Exception))
print(catch(ValueError("v"), BaseException))
try:
    catch(TypeError("t"), ValueError)
except TypeError as e:
    print("not caught by ValueError:", e)
for e in [ZeroDivisionError("x"), KeyError("x"), StopIteration()]:
    print(type(e).__name__, isinstance(e, Exception), isinstance(e, ArithmeticError), isinstance(e, (LookupError, StopIteration)))
