#!/usr/bin/env python3
"""Measure copy-on-write sharing: permafrost's two layouts against a CPython prefork server.

    scripts/measure_cow.py [--quick] [--out DIR] [--workers 1,2,4,8,16]
                           [--functions 1000,10000] [--over-time] [--bin PATH]
                           [--app synthetic|realistic] [--serve-env NAME=VALUE ...]

For every app size in --functions (an app from scripts/gen_app.py: the synthetic one, or with
--app realistic the request-handling service of `gen_app.py --realistic`, which imports json,
re, dataclasses, typing, enum, collections, functools, datetime, logging, hashlib and decimal)
and every worker count in --workers, four systems run the same workload:

  permafrost-permanent, permafrost-transient
      `permafrost serve --layout L --workers W`, driven through its socket from W concurrent
      connections, then `stats` is read;
  cpython, cpython-gc-freeze
      scripts/cpython_prefork.py (a preloading parent forking W workers from `.pyc` files,
      without and with gc.freeze()).

One job, in every system, is what cpython_prefork.py runs: handle(i) for every function,
then run_all(job). Every permafrost answer is compared with CPython's own answer (computed in
this process); every CPython worker's checksum is compared with the expected checksum.

--over-time samples the same systems after 1, 10, 100 and 1000 jobs per worker (1, 10, 100
with --quick) with two workers on the smallest app: one permafrost server is sampled after
each step (cumulative jobs); CPython is forked afresh for each step (its prefork script
measures once at the end), which measures the same state.

Writes DIR/results.csv (one row per worker per run), DIR/summary.md (per-worker private
dirty, marginal PSS per added worker, total PSS, the ratio of permanent to CPython private
dirty, each app's image size, freeze time and start-up times, and the mappings holding one
worker's private dirty pages at the largest worker count) and, when matplotlib is importable,
DIR/*.png. Progress goes to stderr. Builds nothing: pass a release binary with --bin.
Linux only.
"""

import argparse
import csv
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
SYSTEMS = ("permafrost-permanent", "permafrost-transient", "cpython", "cpython-gc-freeze")
MODULUS = 1000003
OVER_TIME_WORKERS = 2
COLUMNS = ["experiment", "system", "layout", "workers", "functions", "jobs", "pid", "rss_kb",
           "pss_kb", "private_clean_kb", "private_dirty_kb", "shared_clean_kb",
           "shared_dirty_kb", "inherited_pages", "copied_pages", "zygote_pss_kb"]


def progress(message):
    print(f"[measure_cow {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def int_list(text):
    try:
        values = [int(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected comma-separated integers, got {text!r}")
    if not values or any(v < 1 for v in values):
        raise argparse.ArgumentTypeError("every value must be at least 1")
    return sorted(set(values))


class Client:
    """A newline-delimited JSON connection to `permafrost serve` (docs/protocol.md)."""

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


class App:
    """A generated app, its frozen image, and CPython's answers for the workload."""

    def __init__(self, functions, scratch, binary, kind="synthetic"):
        self.functions = functions
        self.kind = kind
        self.dir = scratch / f"app-{kind}-{functions}"
        argv = [sys.executable, str(SCRIPTS / "gen_app.py"), "--functions", str(functions),
                "--out", str(self.dir)]
        if kind == "realistic":
            # About a hundred handlers per module, as a service's handler modules might hold.
            argv += ["--realistic", "--modules", str(max(1, min(100, functions // 100)))]
        else:
            argv += ["--modules", str(max(1, min(20, functions // 50)))]
        subprocess.run(argv, check=True, capture_output=True)
        self.module = load_app_module(self.dir)
        self.expected_handle = [self.module.handle(i) for i in range(self.module.FUNCTION_COUNT)]
        self.expected_run_all = []
        self.image = scratch / f"app-{kind}-{functions}.pfi"
        names = sorted(p.name for p in self.dir.glob("*.py") if p.name != "main.py")
        started = time.perf_counter()
        subprocess.run([str(binary), "freeze", "main.py", *names, "-o", str(self.image)],
                       cwd=self.dir, check=True, capture_output=True)
        self.freeze_seconds = time.perf_counter() - started
        self.image_bytes = self.image.stat().st_size
        self.startup = startup_times(self, binary, names, scratch)

    def run_all(self, job):
        while len(self.expected_run_all) <= job:
            self.expected_run_all.append(self.module.run_all(len(self.expected_run_all)))
        return self.expected_run_all[job]

    def checksum(self, jobs):
        """The checksum cpython_prefork.py's workers compute for `jobs` jobs."""
        total = 0
        for job in range(jobs):
            for want in self.expected_handle:
                total = (total * 31 + want) % MODULUS
            total = (total + self.run_all(job)) % MODULUS
        return total


def best_of(runs, argv, cwd):
    """The fastest wall-clock time of `runs` runs of argv (which must succeed)."""
    best = None
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, cwd=cwd, check=True, capture_output=True)
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    return best


def startup_times(app, binary, names, scratch):
    """Seconds to import the app, whole processes, best of three: `permafrost run` of an image
    whose main only imports the app (process start, image mapping and the preload the zygote
    does: an upper bound of the zygote's preload), and `python3` importing it from .pyc (as
    cpython_prefork.py's zygote does), with the bare start-up of each for reference."""
    (app.dir / "preload_only.py").write_text("import main\n", encoding="utf-8")
    (app.dir / "empty_main.py").write_text("pass\n", encoding="utf-8")
    preload = scratch / f"preload-{app.kind}-{app.functions}.pfi"
    empty = scratch / f"empty-{app.kind}-{app.functions}.pfi"
    try:
        subprocess.run([str(binary), "freeze", "preload_only.py", "main.py", *names, "-o",
                        str(preload)], cwd=app.dir, check=True, capture_output=True)
        subprocess.run([str(binary), "freeze", "empty_main.py", "-o", str(empty)],
                       cwd=app.dir, check=True, capture_output=True)
        subprocess.run([sys.executable, "-c", "import main"], cwd=app.dir, check=True,
                       capture_output=True)  # writes the .pyc files
        return {
            "permafrost_run_import_s": best_of(3, [str(binary), "run", str(preload)], app.dir),
            "permafrost_run_empty_s": best_of(3, [str(binary), "run", str(empty)], app.dir),
            "cpython_import_s": best_of(3, [sys.executable, "-c", "import main"], app.dir),
            "cpython_empty_s": best_of(3, [sys.executable, "-c", "pass"], app.dir),
        }
    finally:
        (app.dir / "preload_only.py").unlink()
        (app.dir / "empty_main.py").unlink()
        preload.unlink(missing_ok=True)
        empty.unlink(missing_ok=True)


def load_app_module(app_dir):
    """Imports the generated app's main module here, to get CPython's answers."""
    # Apps of different sizes share module names (mod_000, ...): forget the previous app's.
    for stem in [p.stem for p in app_dir.glob("*.py")]:
        sys.modules.pop(stem, None)
    sys.path.insert(0, str(app_dir))
    try:
        spec = importlib.util.spec_from_file_location(f"app_{app_dir.name}", app_dir / "main.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(app_dir))


class Server:
    """A running `permafrost serve`, stopped with SIGTERM on exit."""

    def __init__(self, args, app, layout, workers, scratch):
        self.sock = scratch / f"{layout}-{app.functions}-{workers}.sock"
        self.log_path = scratch / f"{layout}-{app.functions}-{workers}.log"
        self.timeout = args.timeout
        env = dict(os.environ, **dict(item.split("=", 1) for item in args.serve_env))
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(
                [str(args.bin), "serve", str(app.image), "--socket", str(self.sock),
                 "--workers", str(workers), "--layout", layout,
                 # run_all of a large app on an oversubscribed machine can exceed the 30 s
                 # default; --timeout bounds every phase instead.
                 "--job-timeout", str(max(1, int(args.timeout)))],
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env)

    def __enter__(self):
        started = time.perf_counter()
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"permafrost serve exited with status {self.proc.returncode}"
                                   f" ({self.last_log_line()})")
            if self.sock.exists():
                try:
                    client = Client(self.sock, self.timeout)
                    reply = client.request({"op": "ping"})
                    client.close()
                    if reply.get("ok"):
                        self.ready_seconds = time.perf_counter() - started
                        return self
                except OSError:
                    pass
            time.sleep(0.05)
        raise RuntimeError("permafrost serve did not answer a ping in time")

    def __exit__(self, *exc):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return False

    def last_log_line(self):
        lines = self.log_path.read_text(errors="replace").strip().splitlines()
        return lines[-1] if lines else "the server printed nothing"

    def drive(self, app, connections, first_job, jobs):
        """Runs jobs first_job.. on each connection; raises on any answer CPython disagrees with."""
        for job in range(first_job, first_job + jobs):
            app.run_all(job)  # fill the cache before the threads read it
        errors = []

        def one_connection():
            try:
                client = Client(self.sock, self.timeout)
                try:
                    for job in range(first_job, first_job + jobs):
                        for i, want in enumerate(app.expected_handle):
                            got = client.call("handle", i)
                            if got != want:
                                raise RuntimeError(f"handle({i}) = {got!r}, CPython says {want!r}")
                        got = client.call("run_all", job)
                        if got != app.expected_run_all[job]:
                            raise RuntimeError(f"run_all({job}) = {got!r}, CPython says "
                                               f"{app.expected_run_all[job]!r}")
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
            raise RuntimeError(f"{errors[0]} ({self.last_log_line()})")

    def stats(self):
        client = Client(self.sock, self.timeout)
        try:
            reply = client.request({"op": "stats"})
        finally:
            client.close()
        if not reply.get("ok"):
            raise RuntimeError(f"stats failed: {reply.get('error')}")
        return reply["result"]


def smaps_mappings(pid):
    """[(private_dirty_kb, rss_kb, perms, name)] of one process, one entry per distinct
    mapping name (anonymous mappings together), largest private dirty first."""
    totals = {}
    current = None
    with open(f"/proc/{pid}/smaps", encoding="utf-8", errors="replace") as smaps:
        for line in smaps:
            head = line.split(None, 1)[0]
            if "-" in head and not head.endswith(":"):
                fields = line.split()
                name = fields[5] if len(fields) > 5 else "[anonymous]"
                current = totals.setdefault((name, fields[1]), [0, 0])
            elif head == "Private_Dirty:" and current is not None:
                current[0] += int(line.split()[1])
            elif head == "Rss:" and current is not None:
                current[1] += int(line.split()[1])
    return sorted(((d, r, perms, name) for (name, perms), (d, r) in totals.items()),
                  reverse=True)


def worker_pids(report):
    return sorted(w["pid"] for w in report.get("workers") or [])


def run_cpython(args, app, workers, jobs, gc_freeze):
    argv = [sys.executable, str(SCRIPTS / "cpython_prefork.py"), "--app", str(app.dir),
            "--workers", str(workers), "--jobs", str(jobs), "--json",
            "--timeout", str(args.timeout)]
    if gc_freeze:
        argv.append("--gc-freeze")
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=args.timeout + 30)
    if proc.returncode != 0:
        raise RuntimeError(f"cpython_prefork.py failed: {proc.stderr.strip()}")
    report = json.loads(proc.stdout)
    want = app.checksum(jobs)
    if report.get("checksum") != want:
        raise RuntimeError(f"CPython workers' checksum {report.get('checksum')!r}, "
                           f"expected {want!r}")
    return report


def rows_from_report(report, experiment, system, layout, functions, jobs):
    zygote_pss = report["zygote"]["memory"]["total"]["pss_kb"]
    rows = []
    for worker in report.get("workers") or []:
        total = worker["memory"]["total"]
        rows.append({
            "experiment": experiment, "system": system, "layout": layout,
            "workers": len(report["workers"]), "functions": functions, "jobs": jobs,
            "pid": worker["pid"],
            **{k: total[k] for k in ("rss_kb", "pss_kb", "private_clean_kb",
                                     "private_dirty_kb", "shared_clean_kb",
                                     "shared_dirty_kb")},
            "inherited_pages": worker["cow"]["inherited_pages"],
            "copied_pages": worker["cow"]["copied_pages"],
            "zygote_pss_kb": zygote_pss,
        })
    return rows


def measure_scaling(args, app, scratch, details):
    rows = []
    for workers in args.workers:
        for layout in ("permanent", "transient"):
            progress(f"functions={app.functions} workers={workers} permafrost-{layout}")
            with Server(args, app, layout, workers, scratch) as server:
                server.drive(app, workers, 0, args.jobs)
                report = server.stats()
                details.setdefault((app.functions, layout), {})["ready_s"] = min(
                    server.ready_seconds,
                    details.get((app.functions, layout), {}).get("ready_s", 1e9))
                if workers == max(args.workers):
                    pids = worker_pids(report)
                    if pids:
                        details[(app.functions, layout)]["mappings"] = smaps_mappings(pids[0])
            rows += rows_from_report(report, "scaling", f"permafrost-{layout}", layout,
                                     app.functions, args.jobs)
        for gc_freeze in (False, True):
            system = "cpython-gc-freeze" if gc_freeze else "cpython"
            progress(f"functions={app.functions} workers={workers} {system}")
            report = run_cpython(args, app, workers, args.jobs, gc_freeze)
            rows += rows_from_report(report, "scaling", system,
                                     "gc-freeze" if gc_freeze else "default",
                                     app.functions, args.jobs)
    return rows


def measure_over_time(args, app, scratch, steps):
    rows = []
    workers = OVER_TIME_WORKERS
    for layout in ("permanent", "transient"):
        with Server(args, app, layout, workers, scratch) as server:
            done = 0
            for step in steps:
                progress(f"over time: permafrost-{layout} {step} jobs per worker")
                server.drive(app, workers, done, step - done)
                done = step
                rows += rows_from_report(server.stats(), "over-time", f"permafrost-{layout}",
                                         layout, app.functions, step)
    for gc_freeze in (False, True):
        system = "cpython-gc-freeze" if gc_freeze else "cpython"
        for step in steps:
            progress(f"over time: {system} {step} jobs per worker")
            report = run_cpython(args, app, workers, step, gc_freeze)
            rows += rows_from_report(report, "over-time", system,
                                     "gc-freeze" if gc_freeze else "default",
                                     app.functions, step)
    return rows


def group(rows, *keys):
    out = {}
    for row in rows:
        out.setdefault(tuple(row[k] for k in keys), []).append(row)
    return out


def mean(rows, key):
    return sum(r[key] for r in rows) / len(rows)


def scaling_table(rows):
    """{(functions, system, workers): figures} for the scaling experiment."""
    table = {}
    for (functions, system, workers), runs in group(rows, "functions", "system",
                                                    "workers").items():
        table[(functions, system, workers)] = {
            "private_dirty_kb": mean(runs, "private_dirty_kb"),
            "pss_kb": mean(runs, "pss_kb"),
            "copied_pages": mean(runs, "copied_pages"),
            "inherited_pages": mean(runs, "inherited_pages"),
            "total_pss_kb": sum(r["pss_kb"] for r in runs) + runs[0]["zygote_pss_kb"],
        }
    return table


def render_details(args, apps, details):
    """Image size, freeze and start-up times, and where a worker's private dirty pages are."""
    lines = []
    for functions, app in sorted(apps.items()):
        s = app.startup
        lines += [f"### {app.kind} app, {functions} functions: image and start-up", "",
                  f"- image: {app.image_bytes / 1e6:.1f} MB; freeze: {app.freeze_seconds:.2f} s",
                  f"- `permafrost run` of an image whose main only imports the app: "
                  f"{s['permafrost_run_import_s']:.3f} s (an empty image: "
                  f"{s['permafrost_run_empty_s']:.3f} s); `python3 -c 'import main'` from .pyc: "
                  f"{s['cpython_import_s']:.3f} s (`python3 -c pass`: "
                  f"{s['cpython_empty_s']:.3f} s)"]
        for layout in ("permanent", "transient"):
            d = details.get((functions, layout), {})
            if "ready_s" in d:
                lines.append(f"- `permafrost serve --layout {layout}`: first ping answered "
                             f"{d['ready_s']:.3f} s after start (zygote exec + preload + first "
                             "worker fork), fastest over the runs")
        lines.append("")
        for layout in ("permanent", "transient"):
            mappings = details.get((functions, layout), {}).get("mappings")
            if not mappings:
                continue
            lines += [f"Private dirty of one permafrost-{layout} worker at "
                      f"{max(args.workers)} workers, by mapping (/proc/PID/smaps):", "",
                      "| mapping | perms | private dirty kB | RSS kB |", "|---|---|---:|---:|"]
            for dirty, rss, perms, name in mappings[:8]:
                if dirty:
                    lines.append(f"| `{name}` | {perms} | {dirty} | {rss} |")
            lines.append("")
    return lines


def render_summary(args, scaling, over_time, command, apps=None, details=None):
    lines = ["# Copy-on-write measurement", "", f"Command: `{command}`", "",
             f"App: {args.app}. "
             f"Workload: {args.jobs} job(s) per worker (a job = handle(i) for every function, "
             "then run_all(job)). Figures in kB from /proc/PID/smaps; copied pages from "
             "/proc/PID/pagemap (inherited pages the worker now maps exclusively). Total PSS = "
             "zygote (preloading parent) + all workers. Marginal PSS = growth of total PSS per "
             "added worker since the previous worker count.", ""]
    table = scaling_table(scaling)
    for functions in sorted({key[0] for key in table}):
        lines += [f"## {functions} functions", "",
                  "| system | workers | private dirty / worker | PSS / worker | total PSS | "
                  "marginal PSS / added worker | copied pages / worker |",
                  "|---|---:|---:|---:|---:|---:|---:|"]
        for system in SYSTEMS:
            previous = None
            for workers in args.workers:
                s = table.get((functions, system, workers))
                if s is None:
                    continue
                marginal = "–"
                if previous is not None:
                    marginal = (f"{(s['total_pss_kb'] - previous[1]['total_pss_kb']) / (workers - previous[0]):.0f}")
                lines.append(f"| {system} | {workers} | {s['private_dirty_kb']:.0f} | "
                             f"{s['pss_kb']:.0f} | {s['total_pss_kb']:.0f} | {marginal} | "
                             f"{s['copied_pages']:.0f} of {s['inherited_pages']:.0f} |")
                previous = (workers, s)
        top = max(args.workers)
        permanent = table.get((functions, "permafrost-permanent", top))
        if permanent is not None:
            lines += ["", f"Savings of a permafrost-permanent worker at {top} workers:", ""]
            for other in SYSTEMS[1:]:
                s = table.get((functions, other, top))
                if s is None:
                    continue
                ratio = (100 * permanent['private_dirty_kb'] / s['private_dirty_kb']
                         if s['private_dirty_kb'] else float("nan"))
                lines.append(f"- vs {other}: {s['private_dirty_kb'] - permanent['private_dirty_kb']:.0f}"
                             f" kB less private dirty per worker (permanent = {ratio:.1f} % of "
                             f"{other}'s), "
                             f"{(s['total_pss_kb'] - permanent['total_pss_kb']) / top:.0f} kB less "
                             "total PSS per worker.")
        lines.append("")
    if apps:
        lines += render_details(args, apps, details or {})
    if over_time:
        lines += [f"## Over time ({over_time[0]['functions']} functions, {OVER_TIME_WORKERS} "
                  "workers)", "",
                  "Private dirty kB per worker (copied pages per worker) after N jobs per worker.",
                  ""]
        steps = sorted({r["jobs"] for r in over_time})
        lines += ["| system | " + " | ".join(f"{s} jobs" for s in steps) + " |",
                  "|---|" + "---:|" * len(steps)]
        by = group(over_time, "system", "jobs")
        for system in SYSTEMS:
            cells = []
            for step in steps:
                runs = by.get((system, step))
                cells.append("–" if not runs else
                             f"{mean(runs, 'private_dirty_kb'):.0f} ({mean(runs, 'copied_pages'):.0f})")
            lines.append(f"| {system} | " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)


def draw_plots(args, scaling, over_time, out):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib not installed (pip install -r scripts/requirements.txt): skipping plots",
              file=sys.stderr)
        return
    table = scaling_table(scaling)
    for functions in sorted({key[0] for key in table}):
        for key, title, name in (
                ("total_pss_kb", "total PSS (kB, zygote + workers)", "total_pss"),
                ("private_dirty_kb", "private dirty per worker (kB)", "private_dirty")):
            fig, axis = plt.subplots(figsize=(7, 4.5))
            for system in SYSTEMS:
                points = [(w, table[(functions, system, w)][key]) for w in args.workers
                          if (functions, system, w) in table]
                if points:
                    axis.plot(*zip(*points), marker="o", label=system)
            axis.set_xlabel("workers")
            axis.set_ylabel("kB")
            axis.set_title(f"{title}, {functions} functions")
            axis.legend()
            axis.grid(alpha=0.3)
            fig.tight_layout()
            path = out / f"{name}_{functions}.png"
            fig.savefig(path)
            plt.close(fig)
            progress(f"wrote {path}")
    if over_time:
        fig, axis = plt.subplots(figsize=(7, 4.5))
        by = group(over_time, "system", "jobs")
        for system in SYSTEMS:
            points = sorted((jobs, mean(runs, "private_dirty_kb"))
                            for (s, jobs), runs in by.items() if s == system)
            if points:
                axis.plot(*zip(*points), marker="o", label=system)
        axis.set_xscale("log")
        axis.set_xlabel("jobs per worker")
        axis.set_ylabel("private dirty per worker (kB)")
        axis.set_title("sharing over time")
        axis.legend()
        axis.grid(alpha=0.3)
        fig.tight_layout()
        path = out / "over_time.png"
        fig.savefig(path)
        plt.close(fig)
        progress(f"wrote {path}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 2)[2])
    parser.add_argument("--quick", action="store_true",
                        help="workers 1,2,4; functions 1000; over-time 1,10,100 (< 2 minutes)")
    parser.add_argument("--out", type=Path, default=Path("cow-results"),
                        help="output directory (default ./cow-results)")
    parser.add_argument("--workers", type=int_list, help="worker counts (default 1,2,4,8,16)")
    parser.add_argument("--functions", type=int_list, help="app sizes (default 1000,10000)")
    parser.add_argument("--over-time", action="store_true",
                        help="also sample after 1, 10, 100, 1000 jobs per worker")
    parser.add_argument("--over-time-jobs", type=int_list,
                        help="the over-time steps (default 1,10,100,1000; 1,10,100 with --quick)")
    parser.add_argument("--app", choices=("synthetic", "realistic"), default="synthetic",
                        help="which generated app (default synthetic; realistic = the "
                             "request-handling service of gen_app.py --realistic)")
    parser.add_argument("--serve-env", action="append", default=[], metavar="NAME=VALUE",
                        help="set this environment variable for `permafrost serve` only "
                             "(e.g. GLIBC_TUNABLES=glibc.malloc.arena_max=1); repeatable")
    parser.add_argument("--jobs", type=int, default=1, help="jobs per worker for the scaling runs")
    parser.add_argument("--bin", type=Path, default=DEFAULT_BIN,
                        help="the permafrost binary (default target/release/permafrost)")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per phase")
    args = parser.parse_args()
    if args.workers is None:
        args.workers = [1, 2, 4] if args.quick else [1, 2, 4, 8, 16]
    if args.functions is None:
        args.functions = [1000] if args.quick else [1000, 10000]
    steps = args.over_time_jobs or ([1, 10, 100] if args.quick else [1, 10, 100, 1000])
    if any("=" not in item for item in args.serve_env):
        parser.error("--serve-env takes NAME=VALUE")
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    if not args.bin.is_file():
        parser.error(f"{args.bin} not found: build it with "
                     "`cargo build --release -p permafrost-server` or pass --bin")
    command = "scripts/measure_cow.py " + " ".join(sys.argv[1:])
    args.out.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="permafrost-cow-"))
    scaling, over_time = [], []
    apps, details = {}, {}
    try:
        for functions in args.functions:
            progress(f"generating and freezing a {args.app} app with {functions} functions")
            apps[functions] = App(functions, scratch, args.bin, args.app)
            scaling += measure_scaling(args, apps[functions], scratch, details)
        if args.over_time:
            over_time = measure_over_time(args, apps[min(args.functions)], scratch, steps)
    except subprocess.CalledProcessError as e:
        stderr = e.stderr.decode(errors="replace").strip() if e.stderr else ""
        print(f"measure_cow: {' '.join(map(str, e.cmd))} failed: {stderr}", file=sys.stderr)
        return 1
    except (RuntimeError, OSError, ValueError, subprocess.TimeoutExpired) as e:
        print(f"measure_cow: {e}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    with open(args.out / "results.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(scaling + over_time)
    summary = render_summary(args, scaling, over_time, command, apps, details)
    (args.out / "summary.md").write_text(summary, encoding="utf-8")
    draw_plots(args, scaling, over_time, args.out)
    progress(f"wrote {args.out / 'results.csv'} and {args.out / 'summary.md'}")
    sys.stdout.write(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
