#!/usr/bin/env python3
"""Load under faults: many clients x many jobs while workers are killed, the zygote is killed
and the server reloads a changed image; counts what came back wrong.

    scripts/loadtest.py --bin PATH [--clients 64] [--jobs 1000] [--workers 4]
                        [--pipeline 4] [--work 2000] [--kill-every 0.2]
                        [--zygote-kill-at 0.3] [--reload-at 0.6] [--json]

Freezes a small app (version 1), serves it with `permafrost serve`, and runs --clients
connections (one thread each) that send --jobs calls each, --pipeline in flight, every call
carrying its own (client, sequence) token that the job echoes with the image's version. While
they run: a random worker is SIGKILLed every --kill-every seconds; when the clients are
--zygote-kill-at of the way through, the zygote is SIGKILLed; at --reload-at, version 2 of the
app is frozen, renamed over the image and the server gets SIGHUP. A sampler reads the
supervisor's RSS from /proc every 50 ms.

Prints, per run: calls sent; replies; lost (sent, never answered); duplicated (answered more
than once); misrouted (a reply on the wrong connection, or to the wrong call); errored, by error
type; replies per image version; the supervisor's peak RSS; wall time. Lost, duplicated and
misrouted must be 0; errors should only be WorkerCrashed, one per killed job. Exits 1 if not.
Standard library only; Linux only.
"""

import argparse
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

APP = """
def job(client, seq, n):
    t = 0
    for i in range(n):
        t = t + i
    return [VERSION, client, seq]
"""


def freeze(binary, directory, version):
    source = os.path.join(directory, f"app_v{version}", "app.py")
    os.makedirs(os.path.dirname(source), exist_ok=True)
    with open(source, "w") as f:
        f.write(f"VERSION = {version}\n" + APP)
    image = os.path.join(os.path.dirname(source), "app.pfi")
    subprocess.run([binary, "freeze", source, "-o", image], check=True)
    return image


class Conn:
    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        self.reader = self.sock.makefile("rb")

    def send(self, obj):
        self.sock.sendall((json.dumps(obj) + "\n").encode())

    def receive(self):
        line = self.reader.readline()
        if not line:
            raise EOFError("the server closed the connection")
        return json.loads(line)

    def request(self, obj):
        self.send(obj)
        return self.receive()

    def close(self):
        self.reader.close()
        self.sock.close()


def stats(path):
    conn = Conn(path)
    try:
        return conn.request({"id": 0, "op": "stats"})["result"]
    finally:
        conn.close()


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def client_main(path, index, args, progress, out):
    """One client: --jobs calls, --pipeline in flight; records every reply by id."""
    sent, replies, foreign = {}, {}, 0
    try:
        conn = Conn(path)
    except OSError as e:
        out[index] = {"sent": {}, "replies": {}, "foreign": 0, "failure": str(e)}
        return
    failure = None
    seq = 0
    try:
        while seq < args.jobs or len(sent) > sum(len(r) for r in replies.values()):
            in_flight = len([i for i in sent if i not in replies])
            while seq < args.jobs and in_flight < args.pipeline:
                call_id = f"{index}:{seq}"
                sent[call_id] = (index, seq)
                conn.send({"id": call_id, "op": "call", "function": "job",
                           "args": [index, seq, args.work]})
                seq += 1
                in_flight += 1
            if in_flight == 0:
                break
            reply = conn.receive()
            call_id = reply.get("id")
            if call_id not in sent:
                foreign += 1
                continue
            replies.setdefault(call_id, []).append(reply)
            progress[index] = len(replies)
    except (OSError, EOFError, ValueError) as e:
        failure = str(e)
    finally:
        conn.close()
    out[index] = {"sent": sent, "replies": replies, "foreign": foreign, "failure": failure}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True, help="the permafrost binary")
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--jobs", type=int, default=1000, help="calls per client")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--pipeline", type=int, default=4, help="calls in flight per client")
    parser.add_argument("--work", type=int, default=2000, help="loop iterations per job")
    parser.add_argument("--kill-every", type=float, default=0.2,
                        help="seconds between worker kills (0: none)")
    parser.add_argument("--zygote-kill-at", type=float, default=0.3,
                        help="fraction of the calls answered when the zygote is killed (<0: never)")
    parser.add_argument("--reload-at", type=float, default=0.6,
                        help="fraction of the calls answered when the server reloads (<0: never)")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="pf-loadtest-")
    image = os.path.join(tmp, "app.pfi")
    os.rename(freeze(args.bin, tmp, 1), image)
    sock = os.path.join(tmp, "s.sock")
    log = open(os.path.join(tmp, "serve.log"), "w")
    server = subprocess.Popen(
        [args.bin, "serve", image, "--socket", sock, "--workers", str(args.workers),
         "--queue-limit", str(max(1024, args.clients * args.pipeline * 2))],
        stdout=subprocess.DEVNULL, stderr=log, env=dict(os.environ, PERMAFROST_LOG="warn"))
    try:
        deadline = time.time() + 60
        while True:
            try:
                workers = stats(sock)["workers"]
                if sum(w["state"] == "idle" for w in workers) == args.workers:
                    break
            except (OSError, EOFError, ValueError, KeyError):
                pass
            if server.poll() is not None or time.time() > deadline:
                sys.exit("the server did not come up")
            time.sleep(0.05)

        total = args.clients * args.jobs
        progress = [0] * args.clients
        out = [None] * args.clients
        done = threading.Event()
        events = {"worker_kills": 0, "zygote_kills": 0, "reloads": 0}
        peak = [rss_kb(server.pid)]

        def sampler():
            while not done.wait(0.05):
                peak[0] = max(peak[0], rss_kb(server.pid))

        def chaos():
            rng = random.Random(1)
            next_kill = time.time() + args.kill_every
            while not done.wait(0.02):
                answered = sum(progress) / total
                if args.zygote_kill_at >= 0 and not events["zygote_kills"] \
                        and answered >= args.zygote_kill_at:
                    try:
                        os.kill(stats(sock)["zygote"]["pid"], signal.SIGKILL)
                        events["zygote_kills"] += 1
                    except (OSError, EOFError, ValueError, KeyError):
                        pass
                if args.reload_at >= 0 and not events["reloads"] and answered >= args.reload_at:
                    os.rename(freeze(args.bin, tmp, 2), image)
                    server.send_signal(signal.SIGHUP)
                    events["reloads"] += 1
                if args.kill_every > 0 and time.time() >= next_kill:
                    next_kill += args.kill_every
                    try:
                        busy = [w["pid"] for w in stats(sock)["workers"] if w["state"] == "busy"]
                        if busy:
                            os.kill(rng.choice(busy), signal.SIGKILL)
                            events["worker_kills"] += 1
                    except (OSError, EOFError, ValueError, KeyError):
                        pass

        started = time.time()
        threads = [threading.Thread(target=client_main, args=(sock, i, args, progress, out))
                   for i in range(args.clients)]
        helpers = [threading.Thread(target=sampler), threading.Thread(target=chaos)]
        for t in threads + helpers:
            t.start()
        for t in threads:
            t.join()
        done.set()
        for t in helpers:
            t.join()
        wall = time.time() - started

        summary = {"clients": args.clients, "jobs_per_client": args.jobs,
                   "workers": args.workers, "pipeline": args.pipeline, **events,
                   "sent": 0, "replies": 0, "lost": 0, "duplicated": 0, "misrouted": 0,
                   "errored": {}, "versions": {}, "connection_failures": 0,
                   "supervisor_peak_rss_kb": peak[0], "wall_s": round(wall, 2)}
        for result in out:
            summary["sent"] += len(result["sent"])
            summary["misrouted"] += result["foreign"]
            summary["connection_failures"] += result["failure"] is not None
            for call_id, token in result["sent"].items():
                got = result["replies"].get(call_id, [])
                summary["replies"] += len(got)
                if not got:
                    summary["lost"] += 1
                    continue
                summary["duplicated"] += len(got) - 1
                for reply in got:
                    if reply.get("ok"):
                        version, client, seq = reply["result"]
                        if (client, seq) != token:
                            summary["misrouted"] += 1
                        key = f"v{version}"
                        summary["versions"][key] = summary["versions"].get(key, 0) + 1
                    else:
                        kind = reply.get("error", {}).get("type", "?")
                        summary["errored"][kind] = summary["errored"].get(kind, 0) + 1
        summary["calls_per_s"] = round(summary["replies"] / wall)
        if args.json:
            print(json.dumps(summary))
        else:
            for key, value in summary.items():
                print(f"{key:>24}: {value}", flush=True)
        bad = summary["lost"] or summary["duplicated"] or summary["misrouted"] or any(
            k != "WorkerCrashed" for k in summary["errored"])
        sys.exit(1 if bad else 0)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        print(f"server log: {os.path.join(tmp, 'serve.log')}", file=sys.stderr)


if __name__ == "__main__":
    main()
