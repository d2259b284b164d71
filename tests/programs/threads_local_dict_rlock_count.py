# threading.local's __dict__ cannot be replaced or deleted; RLock._recursion_count counts the
# running thread's holds only.
import threading
class S(threading.local): pass
for x in (threading.local(), S()):
    for f in (lambda: setattr(x, '__dict__', {}), lambda: delattr(x, '__dict__')):
        try: f()
        except AttributeError as e: print(e)
r = threading.RLock()
print(r._recursion_count())
with r:
    with r:
        print(r._recursion_count())
        out = []
        t = threading.Thread(target=lambda: out.append(r._recursion_count())); t.start(); t.join()
        print(out)
