import _bisect
import _heapq

a = [1, 2, 2, 2, 3, 5, 8]
print([_bisect.bisect_left(a, x) for x in range(10)])
print([_bisect.bisect_right(a, x) for x in range(10)])
print(_bisect.bisect_left(a, 2, 2), _bisect.bisect_right(a, 2, 0, 3), _bisect.bisect_right(a, 2, 5))
print(_bisect.bisect_right(a, 2, hi=None), _bisect.bisect_right(a, 2, 0, -1), _bisect.bisect_left(a, 2, lo=4, hi=6))
words = ["apple", "Banana", "cherry", "Date"]
keyed = sorted(words, key=str.lower)
print(keyed, _bisect.bisect_left(keyed, "c", key=str.lower), _bisect.bisect_right(keyed, "date", key=str.lower))
b = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    _bisect.insort_right(b, x)
print(b)
c = []
for x in [(1, "a"), (0, "b"), (1, "c"), (0, "d")]:
    _bisect.insort_left(c, x, key=lambda t: t[0])
print(c)


class Seq(list):
    def insert(self, i, x):
        print("insert", i, x)
        super().insert(i, x)


s = Seq([1, 3])
_bisect.insort_left(s, 2)
print(s, _bisect.bisect_left((1, 2, 3), 2), _bisect.bisect_right("abcd", "b"))
for args, kw in [(([1, 2], 1, -1), {}), ((), {}), (([1],), {}), ((5, 1), {}), (((1,), 1), {}),
                 (([1, 2], 1, None), {}), (([1, 2], 1, "a"), {}), (([1, 2], 1), {"x": 1}),
                 (([1, 2], 1, 0, 2, 3), {}), (([1, "a"], 2), {})]:
    for f in (_bisect.bisect_left, _bisect.insort_left):
        try:
            print(f(*args, **kw))
        except Exception as e:
            print(type(e).__name__, e)

h = []
for x in [5, 3, 8, 1, 9, 2, 7, 1]:
    _heapq.heappush(h, x)
print(h)
print([_heapq.heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
_heapq.heapify(data)
print(data)
print(_heapq.heapreplace(data, 10), data)
print(_heapq.heappushpop(data, -1), _heapq.heappushpop(data, 4), data)
print(_heapq.heappushpop([], 3))
m = [3, 1, 4, 1, 5, 9, 2, 6]
_heapq._heapify_max(m)
print(m, _heapq._heappop_max(m), _heapq._heapreplace_max(m, 0), m)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "y")]
_heapq.heapify(pairs)
print([_heapq.heappop(pairs) for _ in range(4)])
for f, args in [(_heapq.heappop, ([],)), (_heapq.heappush, ((), 1)), (_heapq.heappush, ([],)),
                (_heapq.heapify, (1,)), (_heapq.heapreplace, ([], 1)), (_heapq._heappop_max, ([],)),
                (_heapq.heappop, (1,)), (_heapq.heappush, ([1], "a")), (_heapq.heappop, ()),
                (_heapq.heapify, ())]:
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e)


class Evil:
    def __init__(self, heap):
        self.heap = heap

    def __lt__(self, other):
        self.heap.clear()
        return True

    __gt__ = __lt__


eh = [1, 2]
eh.append(Evil(eh))
try:
    _heapq.heapify(eh)
except RuntimeError as e:
    print(type(e).__name__, e)
