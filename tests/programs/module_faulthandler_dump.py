# faulthandler: enable/disable/is_enabled with CPython's checks of the file argument, and
# dump_traceback of the running thread or of every thread, in CPython's format.
import faulthandler, io, sys, threading
print(faulthandler.is_enabled(), faulthandler.disable())
faulthandler.enable()
print(faulthandler.is_enabled(), faulthandler.disable(), faulthandler.is_enabled())
for bad in (-1, "x", io.StringIO()):
    try:
        faulthandler.enable(bad)
    except Exception as e:
        print(type(e).__name__, e)
def inner():
    faulthandler.dump_traceback(sys.stdout, all_threads=False)
def outer():
    inner()
outer()
ev = threading.Event()
def waiting():
    ev.wait()
t = threading.Thread(target=waiting); t.start()
import re
buf = []
r, w = __import__("os").pipe()
faulthandler.dump_traceback(w)
__import__("os").close(w)
text = __import__("os").read(r, 10000).decode()
print(re.sub(r"0x[0-9a-f]+", "0xADDR", text))
ev.set(); t.join()
