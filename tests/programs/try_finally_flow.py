# finally on every exit path: return, break, continue, exceptions; finally overriding return.
def ret():
    try:
        return "from try"
    finally:
        print("finally after return")

def override():
    try:
        return 1
    finally:
        return 2

def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally return swallows the exception"

print(ret(), override(), swallow())
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)

def order():
    log = []
    try:
        try:
            log.append("try")
            raise KeyError("k")
        except KeyError:
            log.append("except")
            raise IndexError("i")
        finally:
            log.append("inner finally")
    except IndexError:
        log.append("outer except")
    finally:
        log.append("outer finally")
    return log
print(order())

def gen():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")
for v in gen():
    print("got", v)
def loop_in_try():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            print("loop finally", n)
print(loop_in_try())
