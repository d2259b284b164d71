import errno
import _stat

print(errno.ENOENT, errno.EACCES, errno.EEXIST, errno.EINTR, errno.EAGAIN)
print(errno.EWOULDBLOCK == errno.EAGAIN, errno.EDEADLOCK == errno.EDEADLK)
print(errno.errorcode[2], errno.errorcode[11], errno.errorcode[35], errno.errorcode[95])
print(len(errno.errorcode), min(errno.errorcode), max(errno.errorcode))
print(list(errno.errorcode.items())[:5])
print(sorted(n for n in dir(errno) if n.startswith("E"))[:8])
try:
    errno.errorcode[9999]
except KeyError as e:
    print(type(e).__name__, e)

for mode in [0o40755, 0o100644, 0o120777, 0o20666, 0o60660, 0o10644, 0o140755, 0o4755,
             0o2755, 0o1777, 0o104755, 0o102644, 0o41777, 0o101770, 0o777, 0]:
    print(oct(mode), _stat.filemode(mode), _stat.S_IMODE(mode), _stat.S_IFMT(mode),
          _stat.S_ISDIR(mode), _stat.S_ISREG(mode), _stat.S_ISLNK(mode), _stat.S_ISCHR(mode),
          _stat.S_ISBLK(mode), _stat.S_ISFIFO(mode), _stat.S_ISSOCK(mode), _stat.S_ISDOOR(mode))
print(_stat.S_IFDIR, _stat.S_IFREG, _stat.S_IRWXU, _stat.S_IXOTH, _stat.ST_MTIME, _stat.UF_HIDDEN)
print(_stat.S_ISDIR(True))
for bad in ["x", -1, 2**40, 1.5, 2**100]:
    try:
        _stat.S_ISDIR(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    _stat.filemode()
except TypeError as e:
    print(type(e).__name__, e)
