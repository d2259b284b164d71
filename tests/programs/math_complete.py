# math against CPython: every function over ordinary, edge and invalid arguments (values and
# exact messages), erf/erfc to the last bit.
import math
def show(label, f):
    try:
        r = f()
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)
names = ['acos','acosh','asin','asinh','atan','atanh','cbrt','ceil','cos','cosh','degrees','exp','exp2','expm1','fabs','factorial','floor','gamma','lgamma','log','log10','log1p','log2','radians','sin','sinh','sqrt','tan','tanh','trunc','isqrt','frexp','modf','ulp','isinf','isnan','isfinite']
vals = [0, 1, -1, 0.5, -0.5, 2, 10, 1e-300, 1e308, -1e308, 3.7, -3.7, float('inf'), float('-inf'), float('nan'), 2**70, -2**70, 170, 171, True, 'x', None, 1.5, 100, -0.0, 1e-10]
for n in names:
    f = getattr(math, n)
    for v in vals:
        show(f'{n}({v!r})', lambda: f(v))
two = ['atan2','copysign','fmod','remainder','pow','hypot','ldexp','nextafter','log','gcd','lcm','comb','perm','isclose','dist']
pairs = [(1, 2), (2, 0.5), (-1, 0.5), (0, 0), (5, 3), (-5, 3), (10, 2), (float('inf'), 1), (1, float('inf')), (float('nan'), 1), (2, 1e308), (0, -1), (-0.0, 0.0), (1e308, 10), (3, -2), (2**64, 3), (1.5, 2), ('a', 1), (10, 1025), (0.0, -3), (-8, 1/3)]
for n in two:
    f = getattr(math, n)
    for a, b in pairs:
        show(f'{n}({a!r},{b!r})', lambda: f(a, b))
show('fsum', lambda: math.fsum([0.1]*10))
show('fsum2', lambda: math.fsum([1e308, 1e308, -1e308]))
show('fsum3', lambda: math.fsum([float('inf'), -float('inf')]))
show('fsum4', lambda: math.fsum([1, 1e100, 1, -1e100]))
show('prod', lambda: math.prod([1,2,3], start=2))
show('prod2', lambda: math.prod([]))
show('prod3', lambda: math.prod([1.5, 2]))
show('hypot n', lambda: math.hypot(3, 4, 12))
show('hypot0', lambda: math.hypot())
show('hypotinf', lambda: math.hypot(float('nan'), float('inf')))
show('dist', lambda: math.dist((0,0,0),(1,2,2)))
show('dist2', lambda: math.dist((0,0),(1,2,2)))
show('log base', lambda: math.log(8, 2))
show('log base1', lambda: math.log(8, 1))
show('log big', lambda: math.log(10**500))
show('log2 big', lambda: math.log2(2**2000))
show('log10 big', lambda: math.log10(10**400))
show('log neg big', lambda: math.log(-10**500))
show('isqrt', lambda: math.isqrt(10**40+5))
show('isqrt neg', lambda: math.isqrt(-1))
show('fact', lambda: math.factorial(30))
show('fact neg', lambda: math.factorial(-1))
show('fact float', lambda: math.factorial(5.0))
show('comb', lambda: math.comb(100, 50))
show('perm', lambda: math.perm(10))
show('perm neg', lambda: math.perm(-1, 2))
show('comb neg', lambda: math.comb(5, -2))
show('gcd many', lambda: math.gcd(12, 18, 27))
show('gcd none', lambda: math.gcd())
show('lcm many', lambda: math.lcm(4, 6, 10))
show('isclose', lambda: math.isclose(1.0, 1.0 + 1e-10, rel_tol=1e-9))
show('isclose neg', lambda: math.isclose(1.0, 1.0, rel_tol=-1))
show('ldexp big', lambda: math.ldexp(1.0, 10**30))
show('ldexp small', lambda: math.ldexp(1.0, -10**30))
show('nextafter', lambda: math.nextafter(1.0, 2.0))
show('trunc obj', lambda: math.trunc(3.9))
show('floor big', lambda: math.floor(1e300))
show('ceil nan', lambda: math.ceil(float('nan')))
show('floor inf', lambda: math.floor(float('inf')))
show('erf', lambda: [math.erf(x) for x in (0, 0.5, -1, 3, 1e-20, 10)])
show('erfc', lambda: [math.erfc(x) for x in (0, 0.5, -1, 3, 30, -10)])
show('gamma', lambda: [math.gamma(x) for x in (0.5, 5, 10.5, -1.5, 171.5)])
show('lgamma', lambda: [math.lgamma(x) for x in (0.5, 5, 100.5, -1.5, 1e300)])
show('gamma0', lambda: math.gamma(0))
show('gamma-2', lambda: math.gamma(-2))
show('lgamma-2', lambda: math.lgamma(-2))
show('consts', lambda: (math.pi, math.e, math.tau, math.inf, math.nan))
show('sumprod', lambda: hasattr(math, 'sumprod'))
for i in range(-60, 61):
    x = i / 10 + 0.013
    print(x, math.erf(x).hex(), math.erfc(x).hex())
for x in (1e-300, 5e-324, 2.0**-30, 2.0**-57, 0.84375, 1.25, 2.857142857142857, 6.0, 27.9, 28.0, -27.9, -6.0, -0.0):
    print(x, math.erf(x).hex(), math.erfc(x).hex())
