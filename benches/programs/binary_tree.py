# Object-heavy: allocate and walk binary trees (after the benchmarks game's binary-trees).
class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right


def make(depth):
    if depth == 0:
        return Node(None, None)
    return Node(make(depth - 1), make(depth - 1))


def check(node):
    if node.left is None:
        return 1
    return 1 + check(node.left) + check(node.right)


long_lived = make(15)
total = 0
for depth in range(4, 16, 2):
    iterations = 2 ** (15 - depth + 2)
    for _ in range(iterations * 3 // 4):
        total += check(make(depth))
print("tree checksum", total, check(long_lived))
