# An uncaught error inside a list comprehension inside a lambda: frames <module>, <lambda>,
# <listcomp>.
invert = lambda values: [1 / v for v in values]
print(invert([1, 2, 4]))
print(invert([1, 0]))
