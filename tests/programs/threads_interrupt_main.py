# _thread.interrupt_main simulates a signal arriving in the main thread: from the main thread
# its handler runs at once, from another thread when the main thread next runs (a wait it is
# in is cut short).
import _thread, threading, signal
def call_interrupt(): _thread.interrupt_main()
t = threading.Thread(target=call_interrupt)
try:
    t.start(); t.join()
except KeyboardInterrupt:
    print("KeyboardInterrupt in main")
t.join()
try:
    _thread.interrupt_main()
except KeyboardInterrupt:
    print("direct")
got = []
signal.signal(signal.SIGUSR1, lambda n, f: got.append(n))
_thread.interrupt_main(signal.SIGUSR1)
t = threading.Thread(target=_thread.interrupt_main, args=(signal.SIGUSR1,)); t.start(); t.join()
print(got)
signal.signal(signal.SIGUSR2, signal.SIG_IGN); _thread.interrupt_main(signal.SIGUSR2)
try: _thread.interrupt_main(0)
except ValueError as e: print(e)
