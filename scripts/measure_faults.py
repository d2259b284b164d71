#!/usr/bin/env python3
"""The supervisor under abusive clients, and fairness between clients: the figures of the
"Faults" section of docs/results.md.

    scripts/measure_faults.py --bin PATH [--quick]

Each pattern runs against a fresh `permafrost serve` (2 workers) and reports the supervisor's
RSS (from /proc/PID/status) before and at its peak, and how long a well-behaved client's
`handle` call took meanwhile:

  idle         5,000 connections that send nothing (--max-connections 10000);
  half-lines   200 connections that each send a 1 MiB line without its newline and wait
               (--client-timeout 5: they are cut off after 5 s);
  no-reader    one connection that pipelines 5,000 calls returning 100 kB each and never
               reads a reply;
  over-limit   1,100 connections against the default --max-connections 1024: how many
               got the `Busy` line;
  fairness     one connection pipelines 1,000 jobs of about 10 ms; another calls `handle`
               20 times meanwhile: its wait, against the length of one job.

Prints a Markdown table. Standard library only; Linux only.
"""

import argparse
import json
import os
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

APP = """
def handle(x):
    return x * 2

def blob(n):
    return "x" * n

def work(n):
    t = 0
    for i in range(n):
        t = t + i
    return t
"""


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def connect(path):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(path)
    return s


def call(path, function, args, timeout=120):
    s = connect(path)
    s.settimeout(timeout)
    started = time.perf_counter()
    s.sendall((json.dumps({"id": 1, "op": "call", "function": function, "args": args}) + "\n").encode())
    reply = json.loads(s.makefile("rb").readline())
    elapsed = time.perf_counter() - started
    s.close()
    return reply, elapsed


class Server:
    def __init__(self, binary, image, tmp, extra):
        self.sock = os.path.join(tmp, f"s{time.monotonic_ns()}.sock")
        self.proc = subprocess.Popen(
            [binary, "serve", image, "--socket", self.sock, "--workers", "2", *extra],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        while True:
            try:
                reply, _ = call(self.sock, "handle", [1], timeout=5)
                if reply.get("ok"):
                    break
            except OSError:
                pass
            if time.time() > deadline or self.proc.poll() is not None:
                sys.exit("the server did not start")
            time.sleep(0.05)
        time.sleep(0.3)
        self.baseline = rss_kb(self.proc.pid)
        self.peak = self.baseline

    def sample(self):
        self.peak = max(self.peak, rss_kb(self.proc.pid))

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True)
    parser.add_argument("--quick", action="store_true", help="a tenth of every count")
    args = parser.parse_args()
    scale = 10 if args.quick else 1
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    tmp = tempfile.mkdtemp(prefix="pf-faults-")
    with open(os.path.join(tmp, "app.py"), "w") as f:
        f.write(APP)
    image = os.path.join(tmp, "app.pfi")
    subprocess.run([args.bin, "freeze", os.path.join(tmp, "app.py"), "-o", image], check=True)
    rows = []

    # idle
    n = 5000 // scale
    server = Server(args.bin, image, tmp, ["--max-connections", "10000"])
    conns = [connect(server.sock) for _ in range(n)]
    time.sleep(1)
    server.sample()
    _, wait = call(server.sock, "handle", [2])
    rows.append((f"{n:,} idle connections", server.baseline, server.peak, wait, ""))
    for c in conns:
        c.close()
    server.stop()

    # half-lines
    n = 200 // scale
    server = Server(args.bin, image, tmp, ["--client-timeout", "5"])
    conns = [connect(server.sock) for _ in range(n)]
    line = b"x" * ((1 << 20) - 1)

    def send_partial(c):
        try:
            c.sendall(line)
        except OSError:
            pass
    threads = [threading.Thread(target=send_partial, args=(c,)) for c in conns]
    for t in threads:
        t.start()
    for _ in range(30):
        time.sleep(0.1)
        server.sample()
    _, wait = call(server.sock, "handle", [2])
    closed = 0
    for c in conns:
        c.settimeout(10)
        try:
            data = c.recv(4096)
            closed += b"unfinished" in data
        except OSError:
            pass
    for t in threads:
        t.join()
    rows.append((f"{n} half-sent 1 MiB lines", server.baseline, server.peak, wait,
                 f"{closed} of {n} told `request unfinished` and closed after 5 s"))
    for c in conns:
        c.close()
    server.stop()

    # no-reader
    n = 5000 // scale
    server = Server(args.bin, image, tmp, [])
    hog = connect(server.sock)
    requests = "".join(json.dumps({"id": i, "op": "call", "function": "blob", "args": [100000]}) + "\n"
                       for i in range(n)).encode()
    writer = threading.Thread(target=lambda: hog.sendall(requests), daemon=True)
    writer.start()
    for _ in range(30):
        time.sleep(0.1)
        server.sample()
    _, wait = call(server.sock, "handle", [2])
    rows.append((f"1 client pipelining {n:,} calls with 100 kB replies, never reading",
                 server.baseline, server.peak, wait, ""))
    hog.close()
    server.stop()

    # over-limit
    n = 1100
    server = Server(args.bin, image, tmp, [])
    conns = [connect(server.sock) for _ in range(n)]
    time.sleep(1)
    server.sample()
    refused = 0
    for c in conns[-200:]:
        c.settimeout(0.2)
        try:
            refused += b"max-connections" in c.recv(4096)
        except OSError:
            pass
    _, wait = call(server.sock, "handle", [2]) if refused < n else (None, float("nan"))
    rows.append((f"{n:,} connections, --max-connections 1024", server.baseline, server.peak,
                 wait, f"{refused} refused with `Busy`"))
    for c in conns:
        c.close()
    server.stop()

    # fairness
    server = Server(args.bin, image, tmp, [])
    _, one_job = call(server.sock, "work", [10000])
    n = 1000 // scale
    hog = connect(server.sock)
    hog.sendall("".join(json.dumps({"id": i, "op": "call", "function": "work", "args": [10000]}) + "\n"
                        for i in range(n)).encode())
    time.sleep(0.5)
    waits = []
    for i in range(20):
        _, wait = call(server.sock, "handle", [i])
        waits.append(wait)
    waits.sort()
    rows.append((f"fairness: 1 client's {n:,} queued jobs of {one_job * 1000:.0f} ms, 2 workers",
                 server.baseline, server.peak, waits[len(waits) // 2],
                 f"another client's 20 calls: p50 {waits[10] * 1000:.0f} ms, "
                 f"max {waits[-1] * 1000:.0f} ms"))
    hog.close()
    server.stop()

    print("| pattern | supervisor RSS before | peak | another client's call | notes |")
    print("| --- | ---: | ---: | ---: | --- |")
    for name, before, peak, wait, notes in rows:
        print(f"| {name} | {before / 1024:.1f} MB | {peak / 1024:.1f} MB | {wait * 1000:.0f} ms | {notes} |")


if __name__ == "__main__":
    main()
