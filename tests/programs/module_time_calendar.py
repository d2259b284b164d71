import time

print(time.gmtime(0))
print(time.gmtime(86400 * 365 + 3600 * 13 + 61))
print(time.gmtime(-1.5), time.gmtime(1.99).tm_sec)
g = time.gmtime(951782400)  # 2000-02-29
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_wday, g.tm_yday, g.tm_isdst, g.tm_zone, g.tm_gmtoff)
print(tuple(time.gmtime(4102444800)), len(time.gmtime(0)), time.gmtime(0)[0], time.gmtime(0)[-1])
for bad in [float("nan"), float("inf"), 1e20, -1e20, 2**63, "x"]:
    try:
        time.gmtime(bad)
    except Exception as e:
        print(type(e).__name__, e)

fmt = ("%a %A %b %B %c %d %D %e %F %H %I %j %m %M %p %r %R %S %T %u %U %V %G %g %w %W "
       "%x %X %y %Y %C %h %k %l %P %% %Q %")
for t in [0, 86400 * 365 + 3600 * 13 + 61, 951782400, 1230768000, 1262217600, 1104537600,
          1609459199, 4102444800]:
    print(time.strftime(fmt, time.gmtime(t)))
print(time.strftime("%Z %z", time.gmtime(0)), time.strftime("%z", (2020, 1, 1, 0, 0, 0, 0, 1, 0)))
print(time.strftime("%Y|%y|%C|%G", (5, 1, 1, 0, 0, 0, 0, 1, 0)), time.strftime("%Y", (12345, 1, 1, 0, 0, 0, 0, 1, 0)))
for t in [(2020, 13, 1, 0, 0, 0, 0, 1, 0), (2020, 0, 0, 0, 0, 0, 0, 0, 0), (2020, 1, 32, 0, 0, 0, 0, 1, 0),
          (2020, 1, 1, 24, 0, 0, 0, 1, 0), (2020, 1, 1, 0, 60, 0, 0, 1, 0), (2020, 1, 1, 0, 0, 62, 0, 1, 0),
          (2020, 1, 1, 0, 0, 61, -1, 1, 0), (2020, 1, 1, 0, 0, 0, -2, 1, 0), (2020, 1, 1, 0, 0, 0, 7, 1, 0),
          (2020, 1, 1, 0, 0, 0, 0, 367, 0), (2020, 1, 1, 0, 0, 0, 0, 1, 5), (1, 2), "x",
          (2020, 1, 1, 0, 0, 0, 0, 1, "a"), [2020, 1, 1, 0, 0, 0, 0, 1, 0]]:
    try:
        print(repr(time.strftime("%Y-%m-%d %H:%M:%S %a %j", t)))
    except Exception as e:
        print(type(e).__name__, e)

print(time.asctime(time.gmtime(0)), "|", time.asctime((2020, 1, 1, 0, 0, 0, 0, 1, 0)))
try:
    time.asctime((2020, 13, 1, 0, 0, 0, 0, 1, 0))
except ValueError as e:
    print(type(e).__name__, e)

st = time.struct_time((2021, 3, 4, 5, 6, 7, 3, 63, 0))
print(st, st.tm_zone, st == (2021, 3, 4, 5, 6, 7, 3, 63, 0), st[1:3])
print(time.struct_time((1,) * 11).tm_gmtoff, time.struct_time.n_fields, time.struct_time.n_sequence_fields)
for bad in [(1, 2, 3), (1,) * 12, 5]:
    try:
        time.struct_time(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    st.tm_year = 1
except AttributeError as e:
    print(type(e).__name__, e)

try:
    time.mktime((1, 2))
except TypeError as e:
    print(type(e).__name__, e)
try:
    time.sleep(-1)
except ValueError as e:
    print(type(e).__name__, e)
time.sleep(0)
time.sleep(0.001)

print(time.get_clock_info("monotonic").monotonic, time.get_clock_info("time").adjustable)
try:
    time.get_clock_info("x")
except ValueError as e:
    print(type(e).__name__, e)

a, b = time.monotonic(), time.monotonic()
print(b >= a, time.perf_counter_ns() <= time.perf_counter_ns(), type(time.time_ns()).__name__)
print(abs(time.time() - time.time_ns() / 1e9) < 1, time.time() > 1.6e9, time.process_time() >= 0)
lt = time.localtime()
print(type(lt).__name__, len(lt), 1 <= lt.tm_mon <= 12, isinstance(time.timezone, int))
print(time.mktime(time.localtime(1000000000)), time.mktime(time.localtime(0)))
print(time.localtime(time.mktime((2000, 6, 15, 12, 30, 0, 0, 0, -1)))[:6])
print(type(time.tzname).__name__, len(time.tzname), time.daylight in (0, 1))
print(time.ctime(0) == time.asctime(time.localtime(0)))
