# Each thread has its own contextvars context (a new thread starts empty), so decimal's
# context, set in one thread, leaves the others' alone; generators and sys._getframe see the
# running thread's own state.
import contextvars
import decimal
import sys
import threading

var = contextvars.ContextVar("var", default="default")
var.set("main")
seen = []


def read_var():
    seen.append(var.get())
    var.set("thread")
    seen.append(var.get())


t = threading.Thread(target=read_var)
t.start()
t.join()
print(seen, var.get())

ctx = contextvars.copy_context()
out = []
t = threading.Thread(target=lambda: out.append(ctx.run(var.get)))
t.start()
t.join()
print(out)

decimal.getcontext().prec = 5
step = threading.Event()
back = threading.Event()
res = []


def dec_thread():
    res.append(str(decimal.Decimal(1) / decimal.Decimal(7)))
    decimal.getcontext().prec = 3
    step.set()
    back.wait()
    res.append(str(decimal.Decimal(1) / decimal.Decimal(7)))


t = threading.Thread(target=dec_thread)
t.start()
step.wait()
res.append(str(decimal.Decimal(1) / decimal.Decimal(7)))
back.set()
t.join()
print(res)
with decimal.localcontext() as c:
    c.prec = 2
    t = threading.Thread(target=lambda: res.append(decimal.getcontext().prec))
    t.start()
    t.join()
print(res[-1], decimal.getcontext().prec)


def where():
    return sys._getframe(1).f_code.co_name


names = []


def caller_in_thread():
    names.append(where())


t = threading.Thread(target=caller_in_thread)
t.start()
t.join()
print(names, where.__name__)
