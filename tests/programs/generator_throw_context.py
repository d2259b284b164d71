# A thrown exception (gen.throw) is restored as it is: no implicit __context__ from the
# exception the caller handles, inside the generator or after it leaves; a raise inside the
# generator still chains.
def g():
    yield
gen = g(); next(gen)
try:
    raise KeyError
except KeyError:
    try: gen.throw(ValueError)
    except ValueError as e: print(repr(e.__context__))
def h():
    try:
        yield
    except ValueError as e:
        print('inside', repr(e.__context__))
        raise
gen = h(); next(gen)
try:
    raise KeyError
except KeyError:
    try: gen.throw(ValueError)
    except ValueError as e: print(repr(e.__context__))
def k():
    yield
    raise TypeError('in gen')
gen3 = k(); next(gen3)
try:
    raise KeyError
except KeyError:
    try: next(gen3)
    except TypeError as e: print(repr(e.__context__))
