# An uncaught exception still runs finally blocks and context-manager exits on the way out.
class Guard:
    def __enter__(self):
        print("guard enter")
        return self

    def __exit__(self, exc_type, exc, tb):
        print("guard exit with", exc_type.__name__)
        return False

def work():
    try:
        with Guard():
            print("working")
            raise LookupError("resource vanished")
    finally:
        print("cleanup in finally")

work()
