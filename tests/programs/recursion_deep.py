# Recursion to depth 900 works; runaway recursion raises RecursionError, which can be caught.
def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1

print(depth(900))

def forever(n):
    return forever(n + 1)

try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
print("still running", depth(500))

def mutual_a(n):
    return "done" if n == 0 else mutual_b(n - 1)

def mutual_b(n):
    return mutual_a(n)

print(mutual_a(400))
