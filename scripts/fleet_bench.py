#!/usr/bin/env python3
"""Throughput of a fleet of `permafrost serve --redis` servers sharing one stream, and the
time to recover a SIGKILLed server's jobs (docs/results.md, "A fleet on one Redis stream").

Starts its own redis-server (Debian's package) on a free loopback port in a temporary
directory, freezes a one-function app, and for each fleet size starts that many servers
(one consumer each, one group), adds JOBS calls to the stream (pipelined) and waits for every
reply in the result stream. Then, with the largest fleet, kills one server with SIGKILL once a
third of the jobs are answered and measures how long the others take to answer the messages
it held (`--claim-after`), checking that no job is lost.

    cargo build --release -p permafrost-server
    python3 scripts/fleet_bench.py --bin target/release/permafrost

Uses only the standard library and the Python client in clients/python.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "clients" / "python"))

from permafrost_client import Client, RedisConnection, ResultReader  # noqa: E402

APP = "def handle(x):\n    return x * 2\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_redis(directory: Path) -> tuple:
    port = free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", str(directory)],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with RedisConnection(port=port) as r:
                r.execute("PING")
                return process, port
        except OSError:
            time.sleep(0.02)
    process.kill()
    raise SystemExit("redis-server did not start")


def start_server(args, directory: Path, image: Path, port: int, name: str):
    sock = directory / (name + ".sock")
    log = open(directory / (name + ".log"), "wb")
    process = subprocess.Popen(
        [args.bin, "serve", str(image), "--socket", str(sock), "--workers", str(args.workers),
         "--image-store", str(directory / "images"),
         "--redis", "redis://127.0.0.1:%d/0" % port, "--stream", "jobs", "--consumer", name,
         "--claim-after", str(args.claim_after)],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log,
        env=dict(os.environ, PERMAFROST_LOG="warn"))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("server %s exited: see %s" % (name, log.name))
        try:
            with Client(sock) as client:
                workers = client.stats(timeout=10)["workers"]
                if sum(1 for w in workers if w["state"] == "idle") == args.workers:
                    return process
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit("server %s not ready" % name)


def submit(redis: RedisConnection, jobs: int) -> list:
    ids = []
    for start in range(0, jobs, 1000):
        commands = []
        for x in range(start, min(jobs, start + 1000)):
            job = json.dumps({"op": "call", "function": "handle", "args": [x]},
                             separators=(",", ":"))
            commands.append(("XADD", "jobs", "*", "job", job))
        ids += [i.decode() for i in redis.execute_many(commands)]
    return ids


def check(reader: ResultReader, ids: list) -> None:
    for x, message in enumerate(ids):
        reply = reader.replies[message]
        if reply.result() != 2 * x:
            raise SystemExit("wrong result for %s: %r" % (message, reply.reply))


def run(args, directory: Path, image: Path, port: int, servers: int, kill: bool) -> dict:
    with RedisConnection(port=port) as redis:
        redis.execute("FLUSHALL")
        processes = [start_server(args, directory, image, port, "s%d" % i)
                     for i in range(servers)]
        try:
            reader = ResultReader(redis, "jobs:results")
            started = time.monotonic()
            ids = submit(redis, args.jobs)
            figures = {"servers": servers}
            if kill:
                while len(reader.replies) < args.jobs // 3:
                    reader.read(count=10000, block=100)
                killed_at = time.monotonic()
                processes[0].send_signal(signal.SIGKILL)
                processes[0].wait()
                held = [entry[0].decode() for entry in
                        redis.execute("XPENDING", "jobs", "permafrost", "-", "+", 100000, "s0")]
                reader.wait_for(held, timeout=120)
                figures["held"] = len(held)
                figures["recovered_s"] = time.monotonic() - killed_at
            reader.wait_for(ids, timeout=600)
            elapsed = time.monotonic() - started
            check(reader, ids)
            pending = redis.execute("XPENDING", "jobs", "permafrost")[0]
            if pending:
                raise SystemExit("%d messages still pending" % pending)
            figures.update(seconds=elapsed, rate=args.jobs / elapsed,
                           rerun=len(reader.repeated))
            return figures
        finally:
            for p in processes:
                if p.poll() is None:
                    p.send_signal(signal.SIGTERM)
                    try:
                        p.wait(10)
                    except subprocess.TimeoutExpired:
                        p.kill()
                        p.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", default=str(REPO / "target" / "release" / "permafrost"))
    parser.add_argument("--jobs", type=int, default=30000)
    parser.add_argument("--workers", type=int, default=2, help="workers per server")
    parser.add_argument("--servers", default="1,2,3", help="fleet sizes to measure")
    parser.add_argument("--claim-after", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3, help="runs per fleet size (best kept)")
    args = parser.parse_args()
    if shutil.which("redis-server") is None:
        raise SystemExit("redis-server not found (apt-get install redis-server)")
    sizes = [int(n) for n in args.servers.split(",")]
    with tempfile.TemporaryDirectory(prefix="pf-fleet-") as tmp:
        directory = Path(tmp)
        (directory / "app.py").write_text(APP)
        image = directory / "app.pfi"
        subprocess.run([args.bin, "freeze", str(directory / "app.py"), "-o", str(image)],
                       check=True)
        redis_process, port = start_redis(directory)
        try:
            print("| servers (x %d workers) | jobs | seconds | jobs/s | re-run |" % args.workers)
            print("| ---: | ---: | ---: | ---: | ---: |")
            for n in sizes:
                runs = [run(args, directory, image, port, n, False) for _ in range(args.repeat)]
                best = max(runs, key=lambda f: f["rate"])
                print("| %d | %d | %.2f | %.0f | %d |" % (
                    n, args.jobs, best["seconds"], best["rate"], best["rerun"]), flush=True)
            print()
            print("| servers | one SIGKILLed after | its pending messages | answered after the kill "
                  "(--claim-after %g) | jobs/s overall | re-run | lost |" % args.claim_after)
            print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
            for _ in range(args.repeat):
                f = run(args, directory, image, port, max(sizes), True)
                print("| %d | %d replies | %d | %.2f s | %.0f | %d | 0 |" % (
                    f["servers"], args.jobs // 3, f["held"], f["recovered_s"], f["rate"],
                    f["rerun"]), flush=True)
        finally:
            redis_process.kill()
            redis_process.wait()


if __name__ == "__main__":
    main()
