# A transaction context manager that commits on success and rolls back on error.
class Store:
    def __init__(self):
        self.data = {}
        self.log = []

    def transaction(self):
        return Transaction(self)

class Transaction:
    def __init__(self, store):
        self.store = store

    def __enter__(self):
        self.snapshot = dict(self.store.data)
        return self.store.data

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.store.log.append("commit")
        else:
            self.store.data = self.snapshot
            self.store.log.append(f"rollback ({exc})")
        return exc_type is not None and issubclass(exc_type, ValueError)

s = Store()
with s.transaction() as d:
    d["a"] = 1
with s.transaction() as d:
    d["b"] = 2
    raise ValueError("invalid b")
try:
    with s.transaction() as d:
        d["c"] = 3
        raise KeyError("c")
except KeyError:
    print("KeyError escaped")
print(s.data, s.log)
