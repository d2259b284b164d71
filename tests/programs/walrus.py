# Assignment expressions (:=) in conditions, comprehensions and while loops.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list of", n)
chunks = iter(["ab", "cd", ""])
while (chunk := next(chunks)):
    print("chunk", chunk)
values = [y for x in data if (y := x * 2) > 6]
print(values, y)
total = 0
print([total := total + x for x in data], total)
def first_big(xs):
    return next((v for x in xs if (v := x * x) > 20), None)
print(first_big(data), first_big([1]))
