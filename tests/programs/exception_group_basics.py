# BaseExceptionGroup / ExceptionGroup: construction rules, message and exceptions, str and
# repr, derive, subgroup and split (by type, tuple and predicate), nesting, and what a split
# keeps of the original (notes, cause, context).
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

eg = ExceptionGroup('many', [ValueError(1), TypeError('t'), ValueError(2)])
print(type(eg).__name__, eg.message, eg.exceptions, eg.args)
print(str(eg), repr(eg))
print(str(ExceptionGroup('one', (KeyError('k'),))))
print(ExceptionGroup.__mro__)
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))
print(isinstance(eg, BaseExceptionGroup), isinstance(eg, Exception))

# The class a constructor call gives.
print(type(BaseExceptionGroup('x', [ValueError()])).__name__)
print(type(BaseExceptionGroup('x', [KeyboardInterrupt()])).__name__)
print(type(BaseExceptionGroup('x', [ValueError(), SystemExit()])).__name__)
show('nest base', lambda: ExceptionGroup('x', [KeyboardInterrupt()]))
class MyGroup(ExceptionGroup):
    pass
show('nest base sub', lambda: MyGroup('x', [SystemExit()]))
show('empty', lambda: ExceptionGroup('x', []))
show('not seq', lambda: ExceptionGroup('x', {ValueError()}))
show('not exc', lambda: ExceptionGroup('x', [ValueError(), 3]))
show('class not exc', lambda: ExceptionGroup('x', [ValueError]))
show('msg type', lambda: ExceptionGroup(1, [ValueError()]))
show('arity', lambda: ExceptionGroup('x'))
print(type(MyGroup('m', [ValueError()])).__name__)

# split / subgroup.
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(type(match).__name__, match.message, match.exceptions)
print(eg.split(TypeError))
print(eg.split((TypeError, KeyError)))
print(eg.split(lambda e: isinstance(e, ValueError) and e.args[0] == 2))
print(eg.split(Exception)[0] is eg, eg.split(OSError))
print(eg.subgroup(ValueError), eg.subgroup(OSError), eg.subgroup(ExceptionGroup) is eg)
show('bad condition', lambda: eg.split(3))
show('bad condition type', lambda: eg.split(int))

nested = ExceptionGroup('outer', [ValueError('a'), ExceptionGroup('inner', [TypeError('b'), ValueError('c')]), KeyError('d')])
m, r = nested.split(ValueError)
print(repr(m))
print(repr(r))
print(nested.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == 'inner'))
print(nested.subgroup(TypeError))

# What a split part keeps from the original.
base = ExceptionGroup('noted', [ValueError(1), TypeError(2)])
base.add_note('a note')
base.__cause__ = RuntimeError('cause')
base.__context__ = LookupError('context')
m, r = base.split(ValueError)
print(m.__notes__, r.__notes__, m.__notes__ is base.__notes__)
print(repr(m.__cause__), repr(r.__context__))

# derive can be overridden; split uses it.
class Tagged(ExceptionGroup):
    def derive(self, excs):
        return Tagged(self.message + '!', excs)
t = Tagged('tag', [ValueError(1), TypeError(2)])
print(repr(t.split(ValueError)))
print(type(eg.derive([KeyError()])).__name__, eg.derive([KeyboardInterrupt()]).__class__.__name__)

# Raising and catching a group as an ordinary exception.
try:
    raise ExceptionGroup('raised', [ValueError(1)])
except Exception as e:
    print('caught', type(e).__name__, e, e.exceptions)
try:
    raise BaseExceptionGroup('base', [KeyboardInterrupt()])
except Exception:
    print('wrong')
except BaseException as e:
    print('caught base', type(e).__name__, e)
