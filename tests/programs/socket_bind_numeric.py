# socket.bind on numeric addresses (the port the kernel picks is not printed), and the errors
# for malformed addresses; IPv6 loopback as test.support's IPV6_ENABLED probes it.
import socket

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(("127.0.0.1", 0))
host, port = s.getsockname()
print(host, 0 < port < 65536)
s.close()
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("", 0))
print(s.getsockname()[0])
for bad in ["127.0.0.1", ("127.0.0.1",), ("127.0.0.1", 70000), (1, 0), ("127.0.0.1", 0, 0)]:
    try:
        s.bind(bad)
    except (TypeError, OverflowError, OSError) as e:
        print(type(e).__name__, e)
s.close()
try:
    s6 = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    s6.bind(("::1", 0))
    print(s6.getsockname()[0], len(s6.getsockname()))
    s6.close()
except OSError as e:
    print("no ipv6")
u = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
u.bind("\0permafrost-test-abstract-bind")
print(u.getsockname())
u.close()
