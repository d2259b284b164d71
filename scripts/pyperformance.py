#!/usr/bin/env python3
"""Time pyperformance's pure-Python benchmarks under permafrost and under CPython 3.11.

The benchmark sources are pyperformance 1.14.0's own `bm_*/run_benchmark.py`, run unchanged:
the script installs `pyperformance==1.14.0` from the package index into a throwaway
virtualenv (`--venv`, created on first use) only to read those files. Each benchmark is
frozen together with the project's `pyperf` stand-in (`benches/pyperf/pyperf.py`: a `Runner`
whose `bench_func`/`bench_time_func` call the benchmark `LOOPS` times), then
`permafrost run IMAGE` and `python3 run_benchmark.py` (with the same stand-in first on its
path) are run alternately, N times each, and the fastest run of each counts. `LOOPS` is
chosen per benchmark so that CPython takes about `--target` seconds, the same for both.

Prints a table (seconds, ratio permafrost/CPython; below 1: permafrost is faster) and the
geometric mean over the benchmarks that ran on both with identical output; writes CSV with
`--csv`. With `--callgrind` it also counts instructions (valgrind) for one loop of each.
A benchmark that fails to freeze or run, or prints something else than CPython, is reported
with its reason and left out of the mean.

    cargo build --release -p permafrost-server
    python3 scripts/pyperformance.py --runs 3 --csv /tmp/pyperformance.csv
"""

import argparse
import csv
import math
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STANDIN = ROOT / "benches" / "pyperf"
PYPERFORMANCE = "pyperformance==1.14.0"

# The suite's benchmarks that are pure Python and need no third-party package.
BENCHMARKS = [
    "barnes_hut", "chaos", "comprehensions", "coroutines", "deltablue", "fannkuch", "float",
    "generators", "go", "hexiom", "meteor_contest", "nbody", "nqueens", "pidigits",
    "raytrace", "richards", "richards_super", "scimark", "spectral_norm", "unpack_sequence",
]


def benchmarks_dir(venv):
    """The `data-files/benchmarks` directory of pyperformance in `venv`, installing it first."""
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    found = list(venv.glob("lib/python3*/site-packages/pyperformance/data-files/benchmarks"))
    if not found:
        subprocess.run([str(python), "-m", "pip", "install", "-q", PYPERFORMANCE], check=True)
        found = list(venv.glob("lib/python3*/site-packages/pyperformance/data-files/benchmarks"))
    if not found:
        sys.exit(f"pyperformance's benchmarks not found under {venv}")
    return found[0]


def write_loops(directory, loops, args=()):
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "_pyperf_loops.py").write_text(f"LOOPS = {loops}\nARGS = {list(args)!r}\n")


def benchmark_source(bench_root, name):
    """(run_benchmark.py, its extra_opts) of benchmark `name`: a `bm_NAME` directory, or a
    variant declared by a `.toml` file in one (`async_tree_io` in `bm_async_tree`)."""
    import tomllib
    for directory in [bench_root / f"bm_{name}"] + sorted(bench_root.glob("bm_*")):
        for toml in sorted(directory.glob("*.toml")):
            spec = tomllib.loads(toml.read_text()).get("tool", {}).get("pyperformance", {})
            if spec.get("name") == name:
                return directory / "run_benchmark.py", spec.get("extra_opts", [])
    return bench_root / f"bm_{name}" / "run_benchmark.py", []


def run(argv, env=None, timeout=600):
    """(seconds, exit status, stdout, stderr) of one run."""
    started = time.perf_counter()
    proc = subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                          timeout=timeout)
    elapsed = time.perf_counter() - started
    return (elapsed, proc.returncode, proc.stdout.decode("utf-8", "replace"),
            proc.stderr.decode("utf-8", "replace"))


def last_line(text):
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1].strip()[:120] if lines else "no message"


def cpython_env(loops_dir):
    path = os.pathsep.join([str(STANDIN), str(loops_dir)])
    return dict(os.environ, PYTHONPATH=path, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")


def freeze(binary, source, loops_dir, image):
    argv = [str(binary), "freeze", str(source), "-o", str(image), "--path", str(STANDIN),
            "--path", str(loops_dir)]
    _, status, _, err = run(argv)
    return None if status == 0 else "freeze: " + last_line(err)


def callgrind(argv, env, scratch):
    out = scratch / "callgrind.out"
    proc = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"] + argv,
                          env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=3600)
    m = re.search(r"Collected : (\d+)", proc.stderr.decode("utf-8", "replace"))
    return int(m.group(1)) if m and proc.returncode == 0 else None


def bench(name, bench_root, binary, scratch, runs, target, with_callgrind):
    row = {"benchmark": name, "loops": None, "cpython": None, "permafrost": None,
           "error": None, "cpython_ir": None, "permafrost_ir": None}
    source, extra_opts = benchmark_source(bench_root, name)
    work = scratch / name
    loops_dir = work / "loops"
    # Calibrate on CPython: grow the loop count until the work (the run less the interpreter's
    # start-up) is long enough to measure, then scale it to the target.
    startup = min(run([sys.executable, "-c", "import pyperf"], env=cpython_env(loops_dir))[0]
                  for _ in range(3))
    loops = 1
    while True:
        write_loops(loops_dir, loops, extra_opts)
        secs, status, _, err = run([sys.executable, str(source)], env=cpython_env(loops_dir))
        if status != 0:
            row["error"] = "cpython: " + last_line(err)
            return row
        work_secs = secs - startup
        if work_secs >= min(0.1, target / 4) or loops >= 10**6:
            break
        loops *= 10 if work_secs < 0.01 else 2
    loops = max(1, round(loops * target / max(work_secs, 1e-3)))
    row["loops"] = loops
    image = work / "bench.pfi"
    if with_callgrind:
        row["error"] = freeze(binary, source, loops_dir, image)
        if row["error"] is None:
            row["cpython_ir"] = callgrind([sys.executable, str(source)], cpython_env(loops_dir),
                                          work)
            row["permafrost_ir"] = callgrind([str(binary), "run", str(image)], None, work)
    write_loops(loops_dir, loops, extra_opts)
    row["error"] = freeze(binary, source, loops_dir, image)
    if row["error"]:
        return row
    best = {"cpython": math.inf, "permafrost": math.inf}
    for _ in range(runs):
        c_secs, c_status, c_out, c_err = run([sys.executable, str(source)],
                                             env=cpython_env(loops_dir))
        p_secs, p_status, p_out, p_err = run([str(binary), "run", str(image)])
        if c_status != 0:
            row["error"] = "cpython: " + last_line(c_err)
            return row
        if p_status != 0:
            row["error"] = "permafrost: " + last_line(p_err)
            return row
        if p_out != c_out:
            row["error"] = "output differs from CPython's"
            return row
        best["cpython"] = min(best["cpython"], c_secs)
        best["permafrost"] = min(best["permafrost"], p_secs)
    row.update(best)
    return row


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=str(ROOT / "target" / "release" / "permafrost"))
    ap.add_argument("--venv", default=str(ROOT / "target" / "pyperformance-venv"))
    ap.add_argument("--runs", type=int, default=3, help="runs of each, best counts")
    ap.add_argument("--target", type=float, default=1.0, help="CPython seconds per run")
    ap.add_argument("--only", help="comma-separated benchmark names")
    ap.add_argument("--csv", help="write the rows to this CSV file")
    ap.add_argument("--callgrind", action="store_true", help="also count instructions")
    args = ap.parse_args()
    binary = Path(args.bin)
    if not binary.exists():
        sys.exit(f"{binary}: not built (cargo build --release -p permafrost-server)")
    names = args.only.split(",") if args.only else BENCHMARKS
    bench_root = benchmarks_dir(Path(args.venv))
    rows = []
    with tempfile.TemporaryDirectory(prefix="pf-pyperformance-") as tmp:
        for name in names:
            row = bench(name, bench_root, binary, Path(tmp), args.runs, args.target,
                        args.callgrind)
            rows.append(row)
            if row["error"]:
                print(f"{name:<16} fails: {row['error']}", flush=True)
            else:
                ratio = row["permafrost"] / row["cpython"]
                ir = ""
                if row["cpython_ir"] and row["permafrost_ir"]:
                    ir = f"  instructions {row['permafrost_ir'] / row['cpython_ir']:.2f}x"
                print(f"{name:<16} loops {row['loops']:>5}  cpython {row['cpython']:7.3f}s  "
                      f"permafrost {row['permafrost']:7.3f}s  ratio {ratio:5.2f}x{ir}",
                      flush=True)
    ok = [r for r in rows if not r["error"]]
    if ok:
        geo = math.exp(sum(math.log(r["permafrost"] / r["cpython"]) for r in ok) / len(ok))
        print(f"\ngeometric mean permafrost/CPython over {len(ok)} of {len(rows)} benchmarks: "
              f"{geo:.2f}x")
        irs = [r for r in ok if r["cpython_ir"] and r["permafrost_ir"]]
        if irs:
            geo_ir = math.exp(sum(math.log(r["permafrost_ir"] / r["cpython_ir"]) for r in irs)
                              / len(irs))
            print(f"geometric mean of instruction counts over {len(irs)}: {geo_ir:.2f}x")
    failed = [r for r in rows if r["error"]]
    if failed:
        print(f"{len(failed)} benchmarks do not run yet: " + ", ".join(r["benchmark"] for r in failed))
    if args.csv:
        with open(args.csv, "w", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
            writer.writeheader()
            writer.writerows(rows)


if __name__ == "__main__":
    main()
