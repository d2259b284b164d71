# Runaway recursion, not caught: exit status 1 and RecursionError as the last stderr line.
def down(n):
    return down(n + 1) + 1

print("recursing")
down(0)
