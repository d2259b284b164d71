# gi_frame / cr_frame: a frame while suspended (line, code, locals), None when finished.
def g(a):
    b = a * 2
    yield b
    c = b + 1
    yield c
gen = g(5)
print(gen.gi_frame is not None)
next(gen)
fr = gen.gi_frame
print(fr.f_lineno - g.__code__.co_firstlineno, fr.f_code.co_name, sorted(fr.f_locals.items()))
next(gen)
print(gen.gi_frame.f_lineno - g.__code__.co_firstlineno, sorted(gen.gi_frame.f_locals.items()))
list(gen)
print(gen.gi_frame)
async def co():
    return 1
c = co()
print(c.cr_frame is not None)
c.close()
print(c.cr_frame)
