# Graph algorithms on a small road network: BFS, DFS, Dijkstra with a hand-written binary heap,
# topological sort with cycle detection, connected components.
class CycleError(Exception):
    def __init__(self, path):
        super().__init__(" -> ".join(path))
        self.path = path


class MinHeap:
    def __init__(self):
        self.items = []

    def push(self, item):
        items = self.items
        items.append(item)
        i = len(items) - 1
        while i > 0:
            parent = (i - 1) // 2
            if items[parent] <= items[i]:
                break
            items[parent], items[i] = items[i], items[parent]
            i = parent

    def pop(self):
        items = self.items
        last = items.pop()
        if not items:
            return last
        top, items[0] = items[0], last
        i = 0
        n = len(items)
        while True:
            left, right, smallest = 2 * i + 1, 2 * i + 2, i
            if left < n and items[left] < items[smallest]:
                smallest = left
            if right < n and items[right] < items[smallest]:
                smallest = right
            if smallest == i:
                return top
            items[i], items[smallest] = items[smallest], items[i]
            i = smallest

    def __len__(self):
        return len(self.items)


ROADS = [("A", "B", 7), ("A", "C", 9), ("A", "F", 14), ("B", "C", 10), ("B", "D", 15),
         ("C", "D", 11), ("C", "F", 2), ("D", "E", 6), ("E", "F", 9), ("G", "H", 1)]
graph = {}
for a, b, w in ROADS:
    graph.setdefault(a, []).append((b, w))
    graph.setdefault(b, []).append((a, w))


def bfs(start):
    seen, order, queue = {start}, [], [start]
    while queue:
        node = queue.pop(0)
        order.append(node)
        for nxt, _ in sorted(graph[node]):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return order


def dfs(node, seen=None):
    seen = [] if seen is None else seen
    seen.append(node)
    for nxt, _ in sorted(graph[node]):
        if nxt not in seen:
            dfs(nxt, seen)
    return seen


def dijkstra(start):
    dist = {start: 0}
    prev = {}
    heap = MinHeap()
    heap.push((0, start))
    while heap:
        d, node = heap.pop()
        if d > dist.get(node, float("inf")):
            continue
        for nxt, w in graph[node]:
            nd = d + w
            if nd < dist.get(nxt, float("inf")):
                dist[nxt] = nd
                prev[nxt] = node
                heap.push((nd, nxt))
    return dist, prev


def path_to(prev, target):
    path = [target]
    while path[-1] in prev:
        path.append(prev[path[-1]])
    return path[::-1]


def toposort(deps):
    order, state = [], {}

    def visit(node, stack):
        if state.get(node) == "done":
            return
        if state.get(node) == "active":
            raise CycleError(stack[stack.index(node):] + [node])
        state[node] = "active"
        for dep in deps.get(node, ()):
            visit(dep, stack + [node])
        state[node] = "done"
        order.append(node)

    for node in sorted(deps):
        visit(node, [])
    return order


print("bfs", bfs("A"))
print("dfs", dfs("A"))
dist, prev = dijkstra("A")
print("dist", sorted(dist.items()))
print("path A->E", path_to(prev, "E"), dist["E"])
components = []
unseen = set(graph)
while unseen:
    comp = dfs(min(unseen))
    components.append(sorted(comp))
    unseen -= set(comp)
print("components", components)
print("build order", toposort({"app": ["lib", "utils"], "lib": ["utils", "core"], "utils": ["core"], "core": []}))
try:
    toposort({"a": ["b"], "b": ["c"], "c": ["a"]})
except CycleError as e:
    print("CycleError:", e, len(e.path))
