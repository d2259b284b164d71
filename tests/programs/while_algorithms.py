# Classic loops: gcd, collatz, digit sums, primes sieve, binary search, bubble sort.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a

def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps

def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = flags[1] = False
    p = 2
    while p * p <= limit:
        if flags[p]:
            for m in range(p * p, limit + 1, p):
                flags[m] = False
        p += 1
    return [i for i, f in enumerate(flags) if f]

def bsearch(items, target):
    lo, hi = 0, len(items) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if items[mid] == target:
            return mid
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1

def bubble(items):
    items = list(items)
    n = len(items)
    swapped = True
    while swapped:
        swapped = False
        for i in range(n - 1):
            if items[i] > items[i + 1]:
                items[i], items[i + 1] = items[i + 1], items[i]
                swapped = True
    return items

print(gcd(1071, 462), gcd(17, 5), gcd(2 ** 40, 6 ** 20))
print([collatz(n) for n in range(1, 15)], collatz(27))
print(sieve(60))
primes = sieve(200)
print(bsearch(primes, 97), bsearch(primes, 98), bsearch(primes, 2), bsearch(primes, 199))
print(bubble([5, -1, 3, 3, 0, 12, -7]))
n = 987654321
total = 0
while n:
    total += n % 10
    n //= 10
print(total)
