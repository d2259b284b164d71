import enum
class C(enum.StrEnum):
    RED = 'red'
d = {C.RED: 1}; print('red' in d, d.get('red'))
class S(str): pass
d = {S('ss'): 1}; print('ss' in d, {'ss': 1}.get(S('ss')), S('ss') in {'ss'}, 'ss' in {S('ss')})
class I(int): pass
print(1 in {I(1): 2}, {1: 2}.get(I(1)), 1 in {I(1)})
class E(str):
    def __eq__(s, o): return False
    __hash__ = str.__hash__
print('x' in {E('x'): 1}, E('x') in {'x': 1})
class T(tuple): pass
print((1, 2) in {T((1, 2)): 0})
