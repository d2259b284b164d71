# os.urandom, os.uname, time.monotonic and time.process_time answered by system calls
# (getrandom, uname, clock_gettime), as CPython does: they behave the same in a sandboxed
# worker that may not open files.
import os
import time

# urandom: bytes of the requested length, distinct draws, argument checks
a = os.urandom(16)
b = os.urandom(16)
print(type(a).__name__, len(a), len(os.urandom(0)), a != b)
try:
    os.urandom(-1)
except Exception as e:
    print(type(e).__name__, e)
try:
    os.urandom("3")
except Exception as e:
    print(type(e).__name__, e)

# uname: five strings, the kernel name, machine and fields by name
u = os.uname()
print(type(u).__name__, len(u), all(isinstance(f, str) for f in u))
print(u.sysname, u.sysname == u[0], u.machine == u[4], len(u.release) > 0)

# monotonic clock: never goes back; seconds and nanoseconds agree
m1 = time.monotonic()
n1 = time.monotonic_ns()
m2 = time.monotonic()
print(type(m1).__name__, type(n1).__name__, m2 >= m1, abs(n1 / 1e9 - m1) < 5)

# process CPU time: grows with work, float and int forms agree
p1 = time.process_time()
t = 0
for i in range(100000):
    t += i * i
p2 = time.process_time()
pn = time.process_time_ns()
print(type(p1).__name__, type(pn).__name__, p2 > p1, p1 >= 0, abs(pn / 1e9 - p2) < 1)

# times: five floats in seconds, CPU times non-negative, elapsed since boot positive
tm = os.times()
print(type(tm).__name__, len(tm), all(isinstance(f, float) for f in tm))
print(tm.user >= 0, tm.system >= 0, tm.children_user >= 0, tm.elapsed > 0, tm[4] == tm.elapsed)
