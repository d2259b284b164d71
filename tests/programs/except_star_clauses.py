# try/except*: clauses take their part of a group (or a wrapped plain exception), what
# they raise and the unhandled rest are re-raised together, bare raise keeps a part, and
# the type checks and SyntaxErrors of except*.
import sys
def run(label, f):
    try:
        f()
        print(label, 'no exception')
    except BaseException as e:
        print(label, 'escaped', type(e).__name__, repr(e))

def t1():
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        print('V', repr(e), repr(sys.exc_info()[1]))
    except* TypeError as e:
        print('T', repr(e))
run('t1', t1)

def t2():
    try:
        raise ExceptionGroup('eg', [ValueError(1), KeyError(2)])
    except* ValueError as e:
        print('V', repr(e))
run('t2', t2)

def t3():
    try:
        raise ValueError('naked')
    except* ValueError as e:
        print('naked', repr(e), repr(e.exceptions[0]))
run('t3', t3)

def t4():
    try:
        raise TypeError('naked')
    except* ValueError as e:
        print('never')
run('t4', t4)

def t5():
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError('new')
run('t5', t5)

def t6():
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
run('t6', t6)

def t7():
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])
    except* (ValueError, TypeError) as e:
        print('both', repr(e))
    else:
        print('else')
run('t7', t7)

def t8():
    try:
        pass
    except* ValueError:
        print('never')
    else:
        print('else ran')
    finally:
        print('finally ran')
run('t8', t8)

def t9():
    try:
        raise ExceptionGroup('eg', [ValueError(1)])
    except* ExceptionGroup:
        pass
run('t9', t9)

def t10():
    try:
        raise ValueError(1)
    except* int:
        pass
run('t10', t10)

def t11():
    try:
        raise ExceptionGroup('eg', [ValueError(1), ExceptionGroup('inner', [TypeError(2), ValueError(3)])])
    except* ValueError as e:
        print('V', repr(e))
        raise RuntimeError('r')
    except* TypeError as e:
        print('T', repr(e))
        raise
run('t11', t11)

def t12():
    for i in range(2):
        try:
            raise ExceptionGroup('eg', [ValueError(i)])
        except* ValueError as e:
            x = e
    print('after', repr(x))
    try:
        e
    except NameError as err:
        print('NameError', err)
run('t12', t12)
try:
    compile("try:\n  pass\nexcept* ValueError:\n  return 1\n", "<s>", "exec")
except SyntaxError as e:
    print('SyntaxError', e)
try:
    compile("def f():\n  try:\n    pass\n  except* ValueError:\n    return 1\n", "<s>", "exec")
except SyntaxError as e:
    print('SyntaxError', e)
try:
    compile("for x in y:\n  try:\n    pass\n  except* ValueError:\n    for z in w:\n      break\n    continue\n", "<s>", "exec")
except SyntaxError as e:
    print('SyntaxError', e)
