# AttributeError messages for instances, classes, modules and built-ins, caught.
import math

class Thing:
    known = 1

    def __init__(self):
        self.mine = 2

def attempt(thunk):
    try:
        thunk()
    except AttributeError as e:
        print("AttributeError:", e)

t = Thing()
attempt(lambda: t.missing)
attempt(lambda: Thing.missing)
attempt(lambda: math.nothing)
attempt(lambda: [].nothing)
attempt(lambda: None.nothing)
attempt(lambda: t.mine.real.nope)
def delete_missing():
    del t.missing
attempt(delete_missing)
print(getattr(t, "missing", "default"), hasattr(t, "known"), hasattr(t, "mine"))
setattr(t, "dynamic", 5)
print(t.dynamic, getattr(t, "dynamic"), hasattr(Thing, "dynamic"))
