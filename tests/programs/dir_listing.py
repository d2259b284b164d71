# dir() of values, instances and classes lists what the type and its bases define; __dir__.

class C:
    x = 1
    def m(self): pass
class D(C):
    y = 2
print([n for n in dir(D()) if not n.startswith("__")])
print(sorted(set(dir(object())) - set(dir(C()))), sorted(set(dir(C())) - set(dir(object()))))
print(dir(C) == dir(C()))
print('bit_length' in dir(1), '__add__' in dir(1), 'append' in dir([]), 'keys' in dir({}), 'fromkeys' in dir(dict))
print('__len__' in dir(1), '__iter__' in dir(1))
class W:
    def __dir__(self): return ['b', 'a']
print(dir(W()))
print(dict.__dict__['fromkeys'] is not None, 'append' in list.__dict__, '__len__' in str.__dict__)
