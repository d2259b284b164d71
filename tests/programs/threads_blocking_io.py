# Blocking reads of pipes and sockets, and select, let the other threads run until the
# descriptor is ready (the writer may be one of them).
import os, threading, socket
r, w = os.pipe()
def writer():
    os.write(w, b"hello")
t = threading.Thread(target=writer); t.start()
print(os.read(r, 5)); t.join()
a, b = socket.socketpair()
def echo():
    data = b.recv(100); b.sendall(data.upper())
t = threading.Thread(target=echo); t.start()
a.sendall(b"ping"); print(a.recv(100)); t.join()
import select
def late(): os.write(w, b"x")
t = threading.Thread(target=late); t.start()
print(select.select([r], [], [], 5)[0] == [r]); t.join(); print(os.read(r, 1))
