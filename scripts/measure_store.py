#!/usr/bin/env python3
"""Measure the host-wide image store: two servers of one image, sharing one store file or not.

For each app (a generated app of --functions functions, scripts/gen_app.py, and an app that
imports standard-library modules), starts two `permafrost serve` with --workers W each, in
two or three modes:

  before    (with --old-bin) a binary from before the store: each server's zygote maps a
            private, unlinked copy of the image;
  separate  each server has a store of its own: one inode per server, the same situation
            with this binary;
  shared    both servers use one --image-store: every process maps one inode.

Every worker runs jobs (the generated app: run_all(0), which calls every function; the
stdlib app: handle(25)) until each has run at least one. Then, for every process of both
pools (zygotes and workers), /proc/PID/smaps gives the image mapping's Rss and Pss, and
/proc/*/maps gives the number of processes mapping that inode; smaps_rollup gives each
process's total Pss, and the supervisors' are added for the host total.

Writes rows.csv and summary.md to --out and prints the summary.

  scripts/measure_store.py --bin target/release/permafrost --out docs/results/store
"""

import argparse
import csv
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
ROOT = SCRIPTS.parent
sys.path.insert(0, str(ROOT / "clients" / "python"))
from permafrost_client import Client  # noqa: E402

STDLIB_APP = '''import os.path, copy, functools, contextlib, collections

Point = collections.namedtuple("Point", "x y")

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def handle(n):
    with contextlib.suppress(KeyError):
        {}["missing"]
    counts = collections.Counter(str(fib(n)))
    p = copy.deepcopy(Point(n, fib(n)))
    return [os.path.join("a", str(p.x)), p.y, sorted(counts.items())]
'''


def progress(message):
    print(f"[measure_store {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def freeze_generated(binary, scratch, functions):
    app = scratch / f"gen-{functions}"
    modules = max(1, min(20, functions // 50))
    subprocess.run([sys.executable, str(SCRIPTS / "gen_app.py"), "--functions", str(functions),
                    "--modules", str(modules), "--out", str(app)], check=True,
                   capture_output=True)
    image = scratch / f"gen-{functions}.pfi"
    names = sorted(p.name for p in app.glob("mod_*.py"))
    subprocess.run([str(binary), "freeze", "main.py", *names, "-o", str(image)], cwd=app,
                   check=True, capture_output=True)
    return image, "run_all", [0]


def freeze_stdlib(binary, scratch):
    app = scratch / "stdlib"
    app.mkdir()
    (app / "app.py").write_text(STDLIB_APP)
    image = scratch / "stdlib.pfi"
    subprocess.run([str(binary), "freeze", str(app / "app.py"), "-o", str(image)], check=True,
                   capture_output=True)
    return image, "handle", [25]


class Server:
    def __init__(self, binary, image, socket, store, workers, log):
        self.socket = socket
        self.workers = workers
        self.process = subprocess.Popen(
            [str(binary), "serve", str(image), "--socket", str(socket), "--workers",
             str(workers)] + (["--image-store", str(store)] if store else []),
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=open(log, "wb"))
        deadline = time.monotonic() + 120
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {Path(log).read_text()}")
            try:
                with Client(socket) as c:
                    ws = c.stats()["workers"]
                    if sum(w["state"] == "idle" for w in ws) == workers:
                        return
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server not ready")
            time.sleep(0.05)

    def stats(self):
        with Client(self.socket) as c:
            return c.stats()

    def run_every_worker(self, function, args):
        """Calls until every worker has run at least one job."""
        results = set()
        while True:
            stats = self.stats()
            if all(w["jobs_done"] > 0 for w in stats["workers"]):
                return results
            clients = [Client(self.socket) for _ in range(self.workers)]
            futures = [c.submit(function, *args) for c in clients]
            for f in futures:
                results.add(repr(f.result(timeout=600)))
            for c in clients:
                c.close()

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def is_image(fields, image_bytes):
    """Whether a /proc/PID/maps line (split) is the image mapping: read-only, shared, as long
    as the image (the store file, or before the store an unlinked private copy)."""
    if len(fields) < 6 or fields[1] != "r--s":
        return False
    start, end = (int(x, 16) for x in fields[0].split("-"))
    page = os.sysconf("SC_PAGE_SIZE")
    return end - start == (image_bytes + page - 1) // page * page


def image_mapping(pid, image_bytes):
    """(rss_kb, pss_kb, path, inode) of the process's image mapping."""
    rss = pss = 0
    path = inode = None
    current = False
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            fields = line.split()
            if "-" in fields[0] and len(fields) >= 5 and not fields[0].endswith(":"):
                current = is_image(fields, image_bytes)
                if current:
                    path, inode = " ".join(fields[5:]), int(fields[4])
            elif current and fields[0] == "Rss:":
                rss += int(fields[1])
            elif current and fields[0] == "Pss:":
                pss += int(fields[1])
    return rss, pss, path, inode


def image_pages(pid, image_bytes):
    """{file page index: physical frame} of the resident pages of the process's image
    mapping, from /proc/PID/pagemap (frame numbers need root)."""
    start = end = offset = None
    with open(f"/proc/{pid}/maps") as f:
        for line in f:
            fields = line.split()
            if is_image(fields, image_bytes):
                a, b = (int(x, 16) for x in fields[0].split("-"))
                start, end, offset = a, b, int(fields[2], 16)
                break
    if start is None:
        return {}
    page = os.sysconf("SC_PAGE_SIZE")
    pages = {}
    with open(f"/proc/{pid}/pagemap", "rb") as f:
        f.seek(start // page * 8)
        data = f.read((end - start) // page * 8)
    for i in range(len(data) // 8):
        entry = int.from_bytes(data[i * 8:i * 8 + 8], "little")
        if entry >> 63 & 1:
            pages[offset // page + i] = entry & ((1 << 55) - 1)
    return pages


def total_pss(pid):
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith("Pss:"):
                return int(line.split()[1])
    return 0


def mappers(inode, image_bytes):
    count = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/maps") as f:
                if any(is_image(l.split(), image_bytes) and l.split()[4] == str(inode)
                       for l in f):
                    count += 1
        except OSError:
            pass
    return count


def measure(binary, scratch, app_name, image, function, args, mode, workers):
    run = scratch / f"{app_name}-{mode}"
    run.mkdir()
    image_bytes = image.stat().st_size
    if mode == "shared":
        stores = [run / "store"] * 2
    elif mode == "separate":
        stores = [run / "store-a", run / "store-b"]
    else:  # a binary from before the store: no --image-store
        stores = [None, None]
    servers = []
    try:
        for i, store in enumerate(stores):
            servers.append(Server(binary, image, run / f"s{i}.sock", store, workers,
                                  run / f"s{i}.log"))
        answers = set()
        for server in servers:
            answers |= server.run_every_worker(function, args)
        if len(answers) != 1:
            raise RuntimeError(f"the servers disagree: {answers}")
        time.sleep(0.5)
        rows = []
        frames = {}
        host_total = 0
        for index, server in enumerate(servers):
            stats = server.stats()
            host_total += total_pss(server.process.pid)
            pids = [("zygote", stats["zygote"]["pid"])] + [
                ("worker", w["pid"]) for w in stats["workers"]]
            for role, pid in pids:
                rss, pss, path, inode = image_mapping(pid, image_bytes)
                frames[pid] = image_pages(pid, image_bytes)
                total = total_pss(pid)
                host_total += total
                rows.append({"app": app_name, "mode": mode, "server": index, "role": role,
                             "pid": pid, "image_rss_kb": rss, "image_pss_kb": pss,
                             "mappers": mappers(inode, image_bytes), "inode": inode,
                             "total_pss_kb": total, "image_bytes": image.stat().st_size})
        # Per page: how many processes map its frame, across both servers; a process's Pss
        # for the image is then the sum over its resident pages of page size / that count.
        page_kb = os.sysconf("SC_PAGE_SIZE") / 1024
        holders = {}
        copies = {}
        for pages in frames.values():
            for index, frame in pages.items():
                holders[frame] = holders.get(frame, 0) + 1
                copies.setdefault(index, set()).add(frame)
        for row in rows:
            pages = frames[row["pid"]]
            row["expected_pss_kb"] = round(sum(page_kb / holders[f] for f in pages.values()), 1)
            row["frames_per_page"] = max((len(copies[i]) for i in pages), default=0)
        return rows, host_total, len(holders) * page_kb
    finally:
        for server in servers:
            server.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", type=Path, default=ROOT / "target" / "release" / "permafrost")
    parser.add_argument("--functions", type=int, default=10000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--out", type=Path, default=Path("store-results"))
    parser.add_argument("--old-bin", type=Path,
                        help="also measure a binary from before the store (main 5626e39)")
    opts = parser.parse_args()
    binary = opts.bin.resolve()
    opts.out.mkdir(parents=True, exist_ok=True)
    all_rows = []
    summary = []
    with tempfile.TemporaryDirectory(prefix="measure-store-") as tmp:
        scratch = Path(tmp)
        progress(f"freezing a {opts.functions}-function app and the stdlib app")
        apps = [(f"{opts.functions} functions", *freeze_generated(binary, scratch, opts.functions)),
                ("stdlib app", *freeze_stdlib(binary, scratch))]
        for app_name, image, function, args in apps:
            key = app_name.replace(" ", "-")
            modes = [("before", opts.old_bin.resolve())] if opts.old_bin else []
            for mode, mode_binary in modes + [("separate", binary), ("shared", binary)]:
                progress(f"{app_name}: two servers x {opts.workers} workers, {mode}")
                rows, host_total, resident_kb = measure(mode_binary, scratch, key, image,
                                                        function, args, mode, opts.workers)
                all_rows.extend(rows)
                inodes = {r["inode"] for r in rows}
                image_pss = sum(r["image_pss_kb"] for r in rows)
                pool_pss = sum(r["total_pss_kb"] for r in rows)
                worst = max(abs(r["image_pss_kb"] - r["image_rss_kb"] / r["mappers"])
                            for r in rows)
                summary.append({
                    "app": app_name, "mode": mode, "image_kb": image.stat().st_size // 1024,
                    "inodes": len(inodes), "mappers": sorted({r["mappers"] for r in rows}),
                    "zygote_rss": [r["image_rss_kb"] for r in rows if r["role"] == "zygote"],
                    "zygote_pss": [r["image_pss_kb"] for r in rows if r["role"] == "zygote"],
                    "worker_rss": sorted({r["image_rss_kb"] for r in rows if r["role"] == "worker"}),
                    "worker_pss": sorted({r["image_pss_kb"] for r in rows if r["role"] == "worker"}),
                    "worst_kb": round(worst, 1),
                    "frames_per_page": max(r["frames_per_page"] for r in rows),
                    "resident_kb": int(resident_kb),
                    "worst_page_kb": round(max(abs(r["image_pss_kb"] - r["expected_pss_kb"])
                                               for r in rows), 1), "image_pss": image_pss, "pool_pss": pool_pss,
                    "host_pss": host_total})
    with open(opts.out / "rows.csv", "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(all_rows[0]))
        writer.writeheader()
        writer.writerows(all_rows)
    lines = ["| app | store | image | inodes | mappers per inode | copies of each resident page "
             "| image pages in RAM | zygote image Rss / Pss (kB) | worker image Rss / Pss (kB) "
             "| max abs(Pss - sum of page/holders) | image Pss, all processes "
             "| Pss of both pools | Pss with supervisors |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for s in summary:
        lines.append(
            f"| {s['app']} | {s['mode']} | {s['image_kb']:,} kB | {s['inodes']} | "
            f"{', '.join(map(str, s['mappers']))} | {s['frames_per_page']} | "
            f"{s['resident_kb']:,} kB | "
            f"{'; '.join(f'{r:,} / {p:,}' for r, p in zip(s['zygote_rss'], s['zygote_pss']))} | "
            f"{', '.join(f'{v:,}' for v in s['worker_rss'])} / "
            f"{', '.join(f'{v:,}' for v in s['worker_pss'])} | {s['worst_page_kb']} kB | "
            f"{s['image_pss']:,} kB | {s['pool_pss']:,} kB | {s['host_pss']:,} kB |")
    text = "\n".join(lines) + "\n"
    (opts.out / "summary.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
