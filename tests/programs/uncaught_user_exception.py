# An uncaught user-defined exception with a custom __init__.
class QuotaExceeded(Exception):
    def __init__(self, used, limit):
        super().__init__(f"used {used} of {limit}")
        self.used = used

def consume(n):
    if n > 3:
        raise QuotaExceeded(n, 3)
    return n

for i in range(2, 6):
    print("consumed", consume(i))
