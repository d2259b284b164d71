# An uncaught exception group after except*: the nested box traceback, with chained
# exceptions, notes and a group made from the parts a handler re-raised.
def boom(n):
    raise ValueError(n)
def collect():
    errs = []
    for i in range(3):
        try:
            boom(i)
        except ValueError as e:
            errs.append(e)
    try:
        {}['k']
    except KeyError as k:
        try:
            raise TypeError('during')
        except TypeError as t:
            errs.append(t)
    inner = ExceptionGroup('inner', errs[:2])
    inner.add_note('inner note')
    return [inner, errs[2], errs[3]]
try:
    try:
        raise ExceptionGroup('outer', collect())
    except* ValueError:
        raise
    except* TypeError as e:
        raise RuntimeError('from handler') from None
except* KeyError:
    pass
