# An LRU cache built on dict ordering, with statistics, used to memoize an expensive function.
class LRUCache:
    def __init__(self, capacity):
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self.capacity = capacity
        self.data = {}
        self.hits = self.misses = self.evictions = 0

    def get(self, key, default=None):
        if key in self.data:
            value = self.data.pop(key)
            self.data[key] = value
            self.hits += 1
            return value
        self.misses += 1
        return default

    def put(self, key, value):
        if key in self.data:
            del self.data[key]
        elif len(self.data) >= self.capacity:
            oldest = next(iter(self.data))
            del self.data[oldest]
            self.evictions += 1
        self.data[key] = value

    def __len__(self):
        return len(self.data)

    def __contains__(self, key):
        return key in self.data

    def __repr__(self):
        return f"LRUCache({list(self.data)}, hits={self.hits}, misses={self.misses})"


def memoize(cache):
    def deco(fn):
        def wrapper(*args):
            missing = object()
            found = cache.get(args, missing)
            if found is not missing:
                return found
            result = fn(*args)
            cache.put(args, result)
            return result
        return wrapper
    return deco


cache = LRUCache(3)
for k in ["a", "b", "c", "a", "d", "b", "e", "a"]:
    if cache.get(k) is None:
        cache.put(k, k.upper())
    print(k, cache)
print(len(cache), "a" in cache, "c" in cache, cache.evictions)
calls = []
@memoize(LRUCache(50))
def collatz_len(n):
    calls.append(n)
    if n == 1:
        return 1
    return 1 + collatz_len(n // 2 if n % 2 == 0 else 3 * n + 1)
print([collatz_len(n) for n in range(1, 16)], len(calls))
try:
    LRUCache(0)
except ValueError as e:
    print("ValueError:", e)
