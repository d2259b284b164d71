#!/usr/bin/env python3
"""Compare copy-on-write between permafrost's layouts and a CPython prefork server.

One command for the whole measurement:
  1. generate a synthetic application (scripts/gen_app.py) and freeze it with `--bin`;
  2. for each layout, start `permafrost serve --workers W`, drive the same workload through
     the socket from W concurrent connections (per job: handle(i) for every function, then
     run_all(job); K jobs per worker), check every answer against CPython's, then take
     `stats` and stop the server;
  3. run scripts/cpython_prefork.py on the same application (without and with gc.freeze());
  4. print a Markdown table of per-worker averages -- RSS, PSS, private dirty, shared, and
     the inherited pages each worker has copied -- and optionally write all raw reports as
     JSON and a bar chart (with matplotlib, if installed: scripts/requirements.txt).

Builds nothing: pass a built binary (default target/release/permafrost). Linux only.
"""

import argparse
import importlib.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
ROOT = SCRIPTS.parent
DEFAULT_BIN = ROOT / "target" / "release" / "permafrost"


class Client:
    """A newline-delimited JSON connection to `permafrost serve`."""

    def __init__(self, path, timeout):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.connect(str(path))
        self.reader = self.sock.makefile("rb")
        self.next_id = 0

    def request(self, payload):
        self.next_id += 1
        payload = dict(payload, id=self.next_id)
        self.sock.sendall(json.dumps(payload).encode() + b"\n")
        line = self.reader.readline()
        if not line:
            raise RuntimeError("the server closed the connection")
        reply = json.loads(line)
        if reply.get("id") != self.next_id:
            raise RuntimeError(f"reply id {reply.get('id')!r}, expected {self.next_id}")
        return reply

    def call(self, function, *args):
        reply = self.request({"op": "call", "function": function, "args": list(args),
                              "kwargs": {}})
        if not reply.get("ok"):
            error = reply.get("error") or {}
            raise RuntimeError(f"{function}{args}: {error.get('type')}: {error.get('message')}")
        return reply["result"]

    def close(self):
        self.reader.close()
        self.sock.close()


def load_app_module(app_dir):
    """Imports the generated app's main module in this process to get CPython's answers."""
    sys.path.insert(0, str(app_dir))
    try:
        spec = importlib.util.spec_from_file_location("main", app_dir / "main.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(app_dir))


def wait_for_socket(path, proc, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"permafrost serve exited with status {proc.returncode}")
        if path.exists():
            try:
                client = Client(path, timeout)
                reply = client.request({"op": "ping"})
                client.close()
                if reply.get("ok"):
                    return
            except OSError:
                pass
        time.sleep(0.05)
    raise RuntimeError("permafrost serve did not answer a ping in time")


def drive(path, connections, jobs, expected_handle, expected_run_all, timeout):
    """Runs the workload over `connections` concurrent connections; raises on any mismatch."""
    errors = []

    def one_connection():
        try:
            client = Client(path, timeout)
            try:
                for job in range(jobs):
                    for i, want in enumerate(expected_handle):
                        got = client.call("handle", i)
                        if got != want:
                            raise RuntimeError(f"handle({i}) = {got!r}, CPython says {want!r}")
                    got = client.call("run_all", job)
                    if got != expected_run_all[job]:
                        raise RuntimeError(f"run_all({job}) = {got!r}, CPython says "
                                           f"{expected_run_all[job]!r}")
            finally:
                client.close()
        except (OSError, RuntimeError, ValueError) as e:
            errors.append(str(e))

    threads = [threading.Thread(target=one_connection) for _ in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise RuntimeError(errors[0])


def measure_layout(args, image, layout, expected_handle, expected_run_all, scratch):
    sock = scratch / f"{layout}.sock"
    log_path = scratch / f"{layout}.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [str(args.bin), "serve", str(image), "--socket", str(sock), "--workers",
             str(args.workers), "--layout", layout],
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for_socket(sock, proc, args.timeout)
        started = time.perf_counter()
        drive(sock, args.workers, args.jobs, expected_handle, expected_run_all, args.timeout)
        elapsed = time.perf_counter() - started
        client = Client(sock, args.timeout)
        reply = client.request({"op": "stats"})
        client.close()
        if not reply.get("ok"):
            raise RuntimeError(f"stats failed: {reply.get('error')}")
        report = reply["result"]
        report["workload_seconds"] = elapsed
        return report
    except RuntimeError as e:
        lines = log_path.read_text(errors="replace").strip().splitlines()
        raise RuntimeError(f"{e} ({lines[-1] if lines else 'the server printed nothing'})")
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def measure_cpython(args, app_dir, gc_freeze):
    argv = [sys.executable, str(SCRIPTS / "cpython_prefork.py"), "--app", str(app_dir),
            "--workers", str(args.workers), "--jobs", str(args.jobs), "--json",
            "--timeout", str(args.timeout)]
    if gc_freeze:
        argv.append("--gc-freeze")
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=args.timeout + 30)
    if proc.returncode != 0:
        raise RuntimeError(f"cpython_prefork.py failed: {proc.stderr.strip()}")
    return json.loads(proc.stdout)


def summarize(report):
    """Per-worker averages of the figures that matter for sharing."""
    workers = report.get("workers") or []
    n = len(workers)
    if n == 0:
        return None

    def avg(get):
        return sum(get(w) for w in workers) / n

    inherited = avg(lambda w: w["cow"]["inherited_pages"])
    copied = avg(lambda w: w["cow"]["copied_pages"])
    return {
        "workers": n,
        "calls": avg(lambda w: w.get("jobs_done", 0)),
        "rss_kb": avg(lambda w: w["memory"]["total"]["rss_kb"]),
        "pss_kb": avg(lambda w: w["memory"]["total"]["pss_kb"]),
        "private_dirty_kb": avg(lambda w: w["memory"]["total"]["private_dirty_kb"]),
        "shared_kb": avg(lambda w: w["memory"]["total"]["shared_clean_kb"]
                         + w["memory"]["total"]["shared_dirty_kb"]),
        "heap_private_dirty_kb": avg(lambda w: w["memory"]["heap"]["private_dirty_kb"]),
        "inherited_pages": inherited,
        "copied_pages": copied,
        "copied_pct": 100.0 * copied / inherited if inherited else 0.0,
    }


def render(rows, args):
    head = ["runtime", "workers", "calls", "RSS kB", "PSS kB", "private dirty kB", "shared kB",
            "heap private dirty kB", "inherited pages", "copied pages", "copied %"]
    lines = [
        f"Synthetic app: {args.functions} functions in {args.modules} modules"
        f"{' with classes' if args.classes else ''}; {args.workers} workers, {args.jobs} "
        "job(s) per worker; per-worker averages.",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|",
    ]
    for name, s in rows:
        if s is None:
            lines.append("| " + " | ".join([name] + ["–"] * (len(head) - 1)) + " |")
            continue
        lines.append(
            f"| {name} | {s['workers']} | {s['calls']:.0f} | {s['rss_kb']:.0f} | {s['pss_kb']:.0f} | "
            f"{s['private_dirty_kb']:.0f} | {s['shared_kb']:.0f} | "
            f"{s['heap_private_dirty_kb']:.0f} | {s['inherited_pages']:.0f} | "
            f"{s['copied_pages']:.0f} | {s['copied_pct']:.1f} |")
    summaries = dict(rows)
    permanent = summaries.get("permafrost permanent")
    if permanent is not None:
        page_kb = os.sysconf("SC_PAGE_SIZE") // 1024
        lines.append("")
        for other in ("permafrost transient", "CPython", "CPython + gc.freeze"):
            s = summaries.get(other)
            if s is None:
                continue
            avoided = s["copied_pages"] - permanent["copied_pages"]
            lines.append(
                f"- vs {other}: each permanent worker copies {avoided:.0f} fewer inherited pages "
                f"({avoided * page_kb:.0f} kB) and has "
                f"{s['private_dirty_kb'] - permanent['private_dirty_kb']:.0f} kB less private "
                "dirty memory.")
    return "\n".join(lines) + "\n"


def draw_chart(rows, path):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed: no chart (pip install -r scripts/requirements.txt)",
              file=sys.stderr)
        return
    present = [(name, s) for name, s in rows if s is not None]
    names = [name for name, _ in present]
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    left.bar(names, [s["private_dirty_kb"] for _, s in present])
    left.set_title("private dirty per worker (kB)")
    right.bar(names, [s["copied_pct"] for _, s in present])
    right.set_title("inherited pages copied (%)")
    for axis in (left, right):
        axis.tick_params(axis="x", rotation=20)
    fig.tight_layout()
    fig.savefig(path)
    print(f"wrote {path}", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", type=Path, default=DEFAULT_BIN,
                        help="the permafrost binary (default: target/release/permafrost)")
    parser.add_argument("--functions", type=int, default=2000)
    parser.add_argument("--modules", type=int, default=20)
    parser.add_argument("--classes", action="store_true", help="generate classes too")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--jobs", type=int, default=1, help="jobs per worker")
    parser.add_argument("--layouts", default="permanent,transient")
    parser.add_argument("--no-cpython", action="store_true", help="skip the CPython baseline")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per phase")
    parser.add_argument("--out", type=Path, help="also write the Markdown table here")
    parser.add_argument("--json", type=Path, help="write every raw report to this JSON file")
    parser.add_argument("--chart", type=Path, help="draw a PNG chart (needs matplotlib)")
    parser.add_argument("--keep", type=Path, help="generate the app into this directory")
    args = parser.parse_args()
    layouts = [x.strip() for x in args.layouts.split(",") if x.strip()]
    if any(x not in ("permanent", "transient") for x in layouts):
        parser.error("--layouts takes permanent and/or transient")
    if layouts and not args.bin.is_file():
        parser.error(f"{args.bin} not found: build it with "
                     "`cargo build --release -p permafrost-server` or pass --bin")
    if args.workers < 1 or args.jobs < 1 or args.functions < 1 or args.modules < 1:
        parser.error("--workers, --jobs, --functions and --modules must be at least 1")

    scratch = Path(tempfile.mkdtemp(prefix="permafrost-cow-"))
    try:
        app_dir = args.keep or scratch / "app"
        gen = [sys.executable, str(SCRIPTS / "gen_app.py"), "--functions", str(args.functions),
               "--modules", str(args.modules), "--out", str(app_dir)]
        if args.classes:
            gen.append("--classes")
        subprocess.run(gen, check=True, capture_output=True)
        app = load_app_module(app_dir)
        expected_handle = [app.handle(i) for i in range(app.FUNCTION_COUNT)]
        expected_run_all = [app.run_all(job) for job in range(args.jobs)]

        rows = []
        raw = {}
        if layouts:
            image = scratch / "app.pfi"
            modules = sorted(p.name for p in app_dir.glob("mod_*.py"))
            subprocess.run([str(args.bin), "freeze", "main.py", *modules, "-o", str(image)],
                           cwd=app_dir, check=True, capture_output=True)
            for layout in layouts:
                print(f"measuring permafrost {layout} ...", file=sys.stderr, flush=True)
                try:
                    report = measure_layout(args, image, layout, expected_handle,
                                            expected_run_all, scratch)
                except RuntimeError as e:
                    print(f"permafrost {layout}: {e}", file=sys.stderr)
                    rows.append((f"permafrost {layout}", None))
                    continue
                raw[f"permafrost_{layout}"] = report
                rows.append((f"permafrost {layout}", summarize(report)))
        if not args.no_cpython:
            for gc_freeze in (False, True):
                name = "CPython" + (" + gc.freeze" if gc_freeze else "")
                print(f"measuring {name} ...", file=sys.stderr, flush=True)
                try:
                    report = measure_cpython(args, app_dir, gc_freeze)
                except (RuntimeError, subprocess.TimeoutExpired, ValueError) as e:
                    print(f"{name}: {e}", file=sys.stderr)
                    rows.append((name, None))
                    continue
                raw["cpython" + ("_gc_freeze" if gc_freeze else "")] = report
                rows.append((name, summarize(report)))
    except subprocess.CalledProcessError as e:
        stderr = e.stderr.decode(errors="replace").strip() if e.stderr else ""
        print(f"measure_cow: {' '.join(map(str, e.cmd))} failed: {stderr}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    table = render(rows, args)
    sys.stdout.write(table)
    if args.out:
        args.out.write_text(table, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(raw, indent=2) + "\n", encoding="utf-8")
    if args.chart:
        draw_chart(rows, args.chart)
    return 0


if __name__ == "__main__":
    sys.exit(main())
