import signal
print(signal.SIGINT, signal.Signals.SIGTERM, repr(signal.SIGTERM), signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGPIPE), signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGXFSZ))
got = []
old = signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))
print(old, signal.getsignal(signal.SIGUSR1) is not old)
signal.raise_signal(signal.SIGUSR1)
print(got, signal.strsignal(signal.SIGTERM), signal.strsignal(2), signal.strsignal(40))
print(len(signal.valid_signals()), signal.NSIG, signal.SIGRTMIN, signal.SIGRTMAX)
for bad in [lambda: signal.signal(0, signal.SIG_DFL), lambda: signal.signal(signal.SIGKILL, signal.SIG_IGN), lambda: signal.signal(2, 5), lambda: signal.getsignal(99)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))
signal.signal(signal.SIGTERM, signal.SIG_IGN); signal.raise_signal(signal.SIGTERM); print("ignored")
print(signal.Handlers.SIG_DFL, signal.Sigmasks.SIG_BLOCK if hasattr(signal, "Sigmasks") else "", issubclass(signal.ItimerError, OSError))
import subprocess
print(subprocess.PIPE, subprocess.CalledProcessError(1, "x"))
