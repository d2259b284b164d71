# A class's __module__ can be reassigned (as libraries do for their exception classes): reprs
# and tracebacks name the class under its new module; it cannot be deleted.
class C: pass
C.__module__ = 'elsewhere'
print(repr(C), C.__module__, repr(C())[:22])
class E(Exception): pass
E.__module__ = 'pkg.errors'
import traceback
print(traceback.format_exception_only(E('x')))
del C.__module__
try:
    print(C.__module__)
except AttributeError as e: print('AE', e)
raise E('uncaught, shown under its module')
