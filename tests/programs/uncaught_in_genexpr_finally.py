# An error inside a generator expression consumed by sum(), with a finally block on the way out.
def total(rows):
    try:
        return sum(int(r) for r in rows)
    finally:
        print("total() finished")


print(total(["1", "2"]))
print(total(["3", "four"]))
