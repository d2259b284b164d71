# Augmented assignment on attributes and on subscripts of attributes: read once, written back.
class Account:
    def __init__(self):
        self.balance = 0
        self.history = []
        self.tags = {"deposits": 0}

acct = Account()
for amount in [100, 50, -30]:
    acct.balance += amount
    acct.history += [amount]
    acct.tags["deposits"] += 1 if amount > 0 else 0
print(acct.balance, acct.history, acct.tags)
acct.balance *= 2
acct.balance //= 3
acct.balance -= 1
print(acct.balance)
class Tracked:
    def __init__(self):
        self._v = 1
        self.reads = 0
        self.writes = 0
    @property
    def v(self):
        self.reads += 1
        return self._v
    @v.setter
    def v(self, value):
        self.writes += 1
        self._v = value
t = Tracked()
t.v += 10
t.v *= 2
print(t.v, t.reads, t.writes)
