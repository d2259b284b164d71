# An uncaught AttributeError at the end of an attribute chain written over several lines.
class Node:
    def __init__(self, value, child=None):
        self.value = value
        self.child = child


def depth_value(node):
    return (node
            .child
            .child
            .value)


tree = Node(1, Node(2, Node(3)))
print(depth_value(tree))
print(depth_value(Node(1, Node(2))))
