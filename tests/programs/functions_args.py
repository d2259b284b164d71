# Function signatures: defaults, keywords, *args, **kwargs, keyword-only, positional-only.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))

print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9, d=0, aa=1))
print(f(c=1, a=2))

def pos_only(x, y, /, z=0):
    return x + y + z

print(pos_only(1, 2), pos_only(1, 2, z=3), pos_only(1, 2, 3))

def kw_only(*, key, flag=False):
    return key, flag

print(kw_only(key="k"), kw_only(flag=True, key=1))

def collect(*args, **kwargs):
    return args, kwargs

print(collect(), collect(1, 2), collect(x=1, y=2), collect(1, *[2, 3], 4, **{"z": 5}, w=6))
args = (10, 20)
kwargs = {"c": 30, "d": 40}
print(f(*args, **kwargs), f(*range(4), **{"c": 0}))

def no_return():
    pass

print(no_return(), collect(*"ab"), pos_only(*[1, 2], **{"z": 3}))
def mixed(a, /, b, *, c):
    return [a, b, c]
print(mixed(1, 2, c=3), mixed(1, b=2, c=3))
