# An uncaught error raised in a property getter called from a method through a decorator.
def logged(fn):
    def wrapper(*args):
        print("calling", fn.__name__)
        return fn(*args)
    return wrapper


class Account:
    def __init__(self, owner):
        self.owner = owner
        self.entries = []

    @property
    def average(self):
        return sum(self.entries) / len(self.entries)

    @logged
    def report(self):
        return f"{self.owner}: {self.average:.2f}"


acct = Account("ada")
acct.entries.append(10)
print(acct.report())
acct.entries.clear()
print(acct.report())
