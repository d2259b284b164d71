# A class body's annotations go into the __annotations__ its namespace already holds (one a
# metaclass's __prepare__ supplied, or one the body assigned), as CPython's SETUP_ANNOTATIONS
# keeps it; only a namespace without one gets a new dict.
class M(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return {'__annotations__': {'custom': int}}
class C(metaclass=M):
    a: str
    b: int = 3
print(C.__annotations__, C.b)
class D:
    x: int
    y: 'Q'
print(D.__annotations__)
class E:
    __annotations__ = {'pre': 1}
    z: float
print(E.__annotations__)
class F:
    def m(self): pass
print(F.__dict__.get('__annotations__', 'none'))
import collections
class OM(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        d = collections.OrderedDict(); d['__annotations__'] = collections.OrderedDict(); return d
    def __new__(mcs, name, bases, ns): return super().__new__(mcs, name, bases, dict(ns))
class G(metaclass=OM):
    p: int
    q: str
print(type(G.__annotations__).__name__, list(G.__annotations__))
x: int = 5
print(__annotations__)
