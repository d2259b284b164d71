# Context manager edge cases: __exit__ raising, __enter__ failing, exceptions inside nested withs.
class CM:
    def __init__(self, name, fail_enter=False, fail_exit=False, suppress=False):
        self.name, self.fail_enter, self.fail_exit, self.suppress = name, fail_enter, fail_exit, suppress

    def __enter__(self):
        print("enter", self.name)
        if self.fail_enter:
            raise RuntimeError("enter failed: " + self.name)
        return self

    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        if self.fail_exit:
            raise KeyError("exit failed: " + self.name)
        return self.suppress

def run(label, fn):
    try:
        fn()
        print(label, "completed")
    except Exception as e:
        print(label, "raised", type(e).__name__, e)

def a():
    with CM("outer"), CM("inner", fail_enter=True):
        print("body never runs")
def b():
    with CM("x", fail_exit=True):
        raise ValueError("from body")
def c():
    with CM("outer", suppress=True):
        with CM("inner"):
            raise ValueError("suppressed by outer")
    print("after outer")
def d():
    for i in range(2):
        with CM("loop" + str(i), suppress=True):
            raise IndexError(i)
    return "returned"
run("a", a)
run("b", b)
run("c", c)
run("d", d)
