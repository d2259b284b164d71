# SystemExit.code and an uncaught SystemExit ending the run with its status, no traceback.
for args in [(), (3,), ("m",), (1, 2), (None,)]:
    try:
        raise SystemExit(*args)
    except SystemExit as e:
        print(repr(e.code), e.args)
e = SystemExit(1)
e.code = 5
print(e.code, e.args)
try:
    exit(7)
except SystemExit as e:
    print("exit()", e.code)


def leave():
    try:
        1 / 0
    except ZeroDivisionError:
        raise SystemExit(3)


print("leaving")
leave()
print("not reached")
