# Code objects found in co_consts (lambdas, comprehensions, nested functions, genexprs) are
# real code objects: their names, first lines, variables and own constants can be read, and
# two reads of the same constant compare equal.
import types

def outer(a):
    square = lambda x: (
        x * x)
    gen = (i for i in
           range(a))
    def inner(b, *rest):
        return [b + r for r in rest]
    return square, gen, inner

codes = [c for c in outer.__code__.co_consts if isinstance(c, types.CodeType)]
for c in codes:
    print(c.co_name, c.co_qualname, c.co_firstlineno, c.co_varnames, c.co_argcount)
inner = [c for c in codes if c.co_name == 'inner'][0]
print([c.co_name for c in inner.co_consts if isinstance(c, types.CodeType)])
print(outer.__code__.co_consts[1] == outer.__code__.co_consts[1])
sq, gen, fn = outer(3)
print(sq.__code__.co_firstlineno, gen.gi_code.co_firstlineno, gen.gi_code.co_name, list(gen))
print(hasattr(codes[0], 'co_name'), getattr(codes[0], 'co_filename').endswith('.py'))
