import posix
import errno


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


class S(str):
    pass


print(posix.fspath("a/b"), posix.fspath(b"a/b"), posix.fspath(P("x/y")), posix.fspath(P(b"z")))
print(type(posix.fspath(S("sub"))).__name__, posix.fspath(path="kw"))
for bad in [1, None, P(3), [1]]:
    try:
        posix.fspath(bad)
    except TypeError as e:
        print(type(e).__name__, e)

print(posix.getpid() == posix.getpid(), posix.getpid() > 0, posix.getppid() >= 0)
r = posix.urandom(8)
print(type(r).__name__, len(r), len(posix.urandom(0)))
try:
    posix.urandom(-1)
except ValueError as e:
    print(type(e).__name__, e)

print(posix.strerror(errno.ENOENT), "|", posix.strerror(errno.EACCES), "|", posix.strerror(0))
print(posix.strerror(9999))

env = posix.environ
print(type(env).__name__, all(type(k) is bytes and type(v) is bytes for k, v in env.items()))
print(env.get(b"PERMAFROST_NO_SUCH_VARIABLE"))
cwd = posix.getcwd()
print(type(cwd).__name__, cwd.startswith("/"), posix.getcwdb() == cwd.encode())

u = posix.uname()
print(type(u).__name__, len(u), u.sysname, u[0] == u.sysname, type(u.release).__name__)
t = posix.times()
print(type(t).__name__, len(t), all(type(x) is float for x in t), t.user >= 0)
print(isinstance(posix.cpu_count(), int), posix.cpu_count() > 0)
print(posix.terminal_size((80, 24)), posix.terminal_size((80, 24)).lines)
try:
    posix.terminal_size((1, 2, 3))
except TypeError as e:
    print(type(e).__name__, e)
print(posix.F_OK, posix.R_OK, posix.W_OK, posix.X_OK, posix.error is OSError)
print(isinstance(posix._have_functions, list))
