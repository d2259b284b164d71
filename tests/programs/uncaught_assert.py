# An uncaught AssertionError with a message.
def check(total):
    assert total == 10, f"total was {total}"

check(10)
print("first check passed")
check(7)
