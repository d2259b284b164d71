# inspect: signature of plain functions, methods, classes and lambdas (Parameter kinds,
# defaults, annotations, bind), getmembers, the is* predicates, getdoc, cleandoc.
import inspect
from inspect import Parameter, Signature


def f(a, b: int = 1, *args, c, d=2, **kw) -> str:
    """Does f.

        Indented detail.
    """


def g(x, y=None, /, z=3):
    pass


class A:
    """A class."""
    attr = 5

    def __init__(self, x: int, y=0):
        self.x = x

    def method(self, q):
        return q

    @classmethod
    def cm(cls, r=1):
        pass

    @staticmethod
    def sm(s, *, t):
        pass

    @property
    def prop(self):
        return 1


async def coro():
    pass


def gen():
    yield 1


for obj in [f, g, A.__init__, A, A.method, A(1).method, A.cm, A.sm, lambda p, *q: p, coro, gen]:
    print(inspect.signature(obj))

sig = inspect.signature(f)
for name, p in sig.parameters.items():
    print(name, p.kind, p.kind.description, p.default is Parameter.empty, p.annotation)
print(sig.return_annotation, sig.parameters['b'].default, str(sig.parameters['b']))
ba = sig.bind(1, 2, 3, c=4, e=5)
print(ba.arguments, ba.args, ba.kwargs)
ba.apply_defaults()
print(ba.arguments)
for args, kwargs in [((), {}), ((1,), {}), ((1, 2), {'b': 3, 'c': 1})]:
    try:
        sig.bind(*args, **kwargs)
    except TypeError as e:
        print(type(e).__name__, e)
print(inspect.signature(g).bind_partial(1).arguments)
print(sig.replace(return_annotation=Signature.empty))
new = Signature([Parameter('a', Parameter.POSITIONAL_ONLY), Parameter('b', Parameter.KEYWORD_ONLY, default=2)])
print(new, new == inspect.signature(lambda a, /, *, b=2: 0))
try:
    Signature([Parameter('a', Parameter.KEYWORD_ONLY), Parameter('b', Parameter.POSITIONAL_OR_KEYWORD)])
except ValueError as e:
    print(type(e).__name__, e)
try:
    Parameter('1x', Parameter.POSITIONAL_ONLY)
except ValueError as e:
    print(type(e).__name__, e)

members = inspect.getmembers(A)
print([n for n, _ in members if not n.startswith('__')])
print([n for n, _ in inspect.getmembers(A, inspect.isfunction)])
print([n for n, _ in inspect.getmembers(A(1), inspect.ismethod)])
print([n for n, v in inspect.getmembers(inspect, inspect.isclass) if n.startswith('Param')])

preds = ['isclass', 'isfunction', 'ismethod', 'isgeneratorfunction', 'iscoroutinefunction',
         'isbuiltin', 'isroutine', 'ismodule', 'isgenerator', 'isabstract', 'isdatadescriptor']
for o in [A, f, A(1).method, gen, coro, len, inspect, gen(), A.prop, 3]:
    print([p for p in preds if getattr(inspect, p)(o)])
print(inspect.getdoc(f))
print(inspect.getdoc(A), inspect.getdoc(A.method))
print(repr(inspect.cleandoc('  first\n    second\n      third\n')))
print(inspect.isclass(int), inspect.isbuiltin(print), inspect.isfunction(len))
print(inspect.getmro(bool), inspect.unwrap(f) is f)
print(type(inspect.getattr_static(A, 'cm')).__name__, type(inspect.getattr_static(A, 'sm')).__name__)
print(inspect.getmodulename('pkg/mod.py'), inspect.getmodulename('x.txt'))
print(inspect.getcallargs(f, 1, c=2))
