# isinstance/issubclass through nested tuples of classes: each level counts against the
# recursion limit, as in CPython.
nested = (int,)
for _ in range(50):
    nested = (str, nested)
print(isinstance(1, nested), isinstance(1.5, nested), issubclass(bool, nested), issubclass(float, nested))
deep = ()
for _ in range(100000):
    deep = (deep,)
for label, f in (("isinstance", lambda: isinstance(1, deep)), ("issubclass", lambda: issubclass(int, deep))):
    try:
        print(label, f())
    except RecursionError as e:
        print(label, type(e).__name__, e)
print(isinstance(1, ((((int,),),),)), issubclass(int, ((float, (int,)),)))
print(quit.__class__ is exit.__class__)
