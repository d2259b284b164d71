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
import os, re


def dumped(**kw):
    r, w = os.pipe()
    faulthandler.dump_traceback(w, **kw)
    os.close(w)
    text = os.read(r, 10000).decode()
    os.close(r)
    # Paths, thread identifiers and the standard library's line numbers differ from host
    # to host.
    text = re.sub(r'File "[^"]*/', 'File "', text)
    text = re.sub(r'(File "threading.py", line) \d+', r"\1 N", text)
    return re.sub(r"0x[0-9a-f]+", "0xADDR", text)


def inner():
    print(dumped(all_threads=False), end="")
def outer():
    inner()
outer()
ev = threading.Event()
def waiting():
    ev.wait()
t = threading.Thread(target=waiting); t.start()
print(dumped())
ev.set(); t.join()
