# socket.socketpair, blocking modes and timeouts, select.select/poll/epoll and selectors.
import select
import selectors
import socket

a, b = socket.socketpair()
print(a.family, a.type, a.proto, a.family == socket.AF_UNIX)
print(repr(a.getsockname()), a.gettimeout(), a.getblocking())
print(a.send(b"hello"), b.recv(100))
a.sendall(b"x" * 10)
print(len(b.recv(4)), len(b.recv(100)))

b.setblocking(False)
print(b.gettimeout(), b.getblocking())
try:
    b.recv(10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno, isinstance(e, OSError))

b.settimeout(0.01)
print(b.gettimeout(), b.getblocking())
try:
    b.recv(10)
except socket.timeout as e:
    print(type(e).__name__, e, socket.timeout is TimeoutError)
b.settimeout(None)
try:
    b.settimeout(-1)
except ValueError as e:
    print(type(e).__name__, e)

r, w, x = select.select([b], [a], [], 0)
print(r == [], w == [a], x)
a.send(b"ping")
r, w, x = select.select([b, a], [], [], 1.0)
print(r == [b])
try:
    select.select([b], [], [], -1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    select.select([object()], [], [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    select.select(1, [], [])
except TypeError as e:
    print(type(e).__name__, e)

p = select.poll()
p.register(b, select.POLLIN)
p.register(a.fileno(), select.POLLOUT)
ready = dict(p.poll(0))
print(ready.get(b.fileno()) == select.POLLIN, ready.get(a.fileno()) == select.POLLOUT)
p.unregister(a)
try:
    p.unregister(a)
except KeyError as e:
    print("KeyError", e.args == (a.fileno(),))
try:
    p.modify(a, select.POLLIN)
except OSError as e:
    print(type(e).__name__, e.errno)
print(b.recv(10))
print(p.poll(0))

ep = select.epoll()
ep.register(b.fileno(), select.EPOLLIN)
print(ep.poll(0), ep.closed)
a.send(b"!")
print([(fd == b.fileno(), ev == select.EPOLLIN) for fd, ev in ep.poll(1)])
try:
    ep.register(b.fileno(), select.EPOLLIN)
except FileExistsError as e:
    print(type(e).__name__, e.errno)
ep.unregister(b)
ep.close()
print(ep.closed)
try:
    ep.poll(0)
except ValueError as e:
    print(type(e).__name__, e)
print(b.recv(1))

with selectors.DefaultSelector() as sel:
    key = sel.register(b, selectors.EVENT_READ, data="reader")
    print(key.fd == b.fileno(), key.events, key.data)
    print(sel.select(0))
    a.send(b"sel")
    events = sel.select(1)
    print([(k.data, m) for k, m in events], b.recv(10))
    sel.unregister(b)
    print(sel.get_map().get(b))

a.shutdown(socket.SHUT_WR)
print(b.recv(10))
fd = a.detach()
print(a.fileno(), fd >= 0)
socket.close(fd)
b.close()
print(b.fileno())
try:
    b.recv(1)
except OSError as e:
    print(type(e).__name__, e.errno)
print("[closed]" in repr(b))
c, d = socket.socketpair()
with c, d:
    print(c.fileno() >= 0)
print(c.fileno(), d.fileno())
print(socket.htons(1), socket.ntohl(1), socket.getdefaulttimeout())
socket.setdefaulttimeout(2.5)
c, d = socket.socketpair()
print(c.gettimeout(), d.getblocking())
socket.setdefaulttimeout(None)
c.close()
d.close()
print(issubclass(socket.gaierror, OSError), socket.SOCK_STREAM, socket.AF_INET)
