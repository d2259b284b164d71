#!/usr/bin/env python3
"""Time the benchmark programs under permafrost (each layout) and under CPython.

Builds nothing: give it a built binary (`--bin`, default target/release/permafrost; build it
with `cargo build --release -p permafrost-server`). Each program in benches/programs/ is
frozen once, then `permafrost run IMAGE --layout L` for every layout and `python3 PROGRAM`
run alternately, N times each (so machine noise hits all of them alike). The outputs must be
identical to CPython's; a program that fails to freeze, crashes, times out or prints
something else is reported as "fails" in its row and left out of the geometric means.

The table shows the fastest of the N wall-clock (or, with --metric cpu, CPU) times per run
(the least disturbed one), the ratios permanent/CPython and permanent/transient (below 1:
permafrost is faster), and the geometric means of the ratios over the programs that ran
everywhere.
"""

import argparse
import math
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PROGRAMS = ROOT / "benches" / "programs"
DEFAULT_BIN = ROOT / "target" / "release" / "permafrost"


def run_timed(argv, cwd, timeout, metric="wall"):
    """Runs argv; returns (seconds, exit status, stdout, stderr) or raises TimeoutExpired.
    `metric` "wall" measures elapsed time, "cpu" the child's user + system CPU time (steadier
    on a loaded machine)."""
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")
    usage_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=timeout)
    elapsed = time.perf_counter() - started
    if metric == "cpu":
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        elapsed = (usage.ru_utime - usage_before.ru_utime) + (usage.ru_stime - usage_before.ru_stime)
    return (elapsed, proc.returncode, proc.stdout.decode("utf-8", "replace"),
            proc.stderr.decode("utf-8", "replace"))


def last_line(text):
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1].strip() if lines else "no message"


def bench_program(path, args, layouts, scratch):
    """Returns {"cpython": secs or None, layout: secs or None, "error": str or None}."""
    result = {"cpython": None, "error": None}
    for layout in layouts:
        result[layout] = None
    image = scratch / (path.stem + ".pfi")
    try:
        _, code, _, err = run_timed([str(args.bin), "freeze", path.name, "-o", str(image)],
                                    path.parent, args.timeout)
    except subprocess.TimeoutExpired:
        result["error"] = "freeze timed out"
        return result
    if code != 0:
        result["error"] = "freeze: " + last_line(err)
    commands = {"cpython": [args.python, path.name]}
    if result["error"] is None:
        for layout in layouts:
            commands[layout] = [str(args.bin), "run", str(image), "--layout", layout]
    times = {name: [] for name in commands}
    reference = None
    broken = {}
    for _ in range(args.repeat):
        for name, argv in commands.items():
            if name in broken:
                continue
            try:
                secs, code, out, err = run_timed(argv, path.parent, args.timeout, args.metric)
            except subprocess.TimeoutExpired:
                broken[name] = f"timed out after {args.timeout} s"
                continue
            if code != 0:
                broken[name] = f"exit {code}: {last_line(err)}"
                continue
            if name == "cpython":
                reference = out if reference is None else reference
            elif reference is not None and out != reference:
                broken[name] = "output differs from CPython"
                continue
            times[name].append(secs)
    if "cpython" in broken:
        result["error"] = "CPython: " + broken["cpython"]
    for name, secs in times.items():
        if secs and name not in broken:
            result[name] = min(secs)
    layout_errors = [f"{name}: {why}" for name, why in broken.items() if name != "cpython"]
    if layout_errors and result["error"] is None:
        result["error"] = "; ".join(layout_errors)
    return result


def geomean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None


def fmt_secs(value):
    return f"{value:.3f}" if value is not None else "fails"


def fmt_ratio(num, den):
    if num is None or den is None or den == 0:
        return "–"
    return f"{num / den:.2f}"


def render(results, layouts, args, python_version):
    has_pt = "permanent" in layouts and "transient" in layouts
    head = ["program", "CPython s"] + [f"{layout} s" for layout in layouts]
    head += [f"{layout}/CPython" for layout in layouts]
    if has_pt:
        head.append("permanent/transient")
    what = "wall-clock" if args.metric == "wall" else "CPU (user + system)"
    lines = [
        f"Fastest of {args.repeat} {what} runs each; CPython {python_version}; "
        f"ratios below 1 mean permafrost is faster.",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|",
    ]
    ratios = {layout: [] for layout in layouts}
    pt_ratios = []
    excluded = []
    for name, r in results:
        ok = r["cpython"] is not None and all(r[layout] is not None for layout in layouts)
        cells = [name, fmt_secs(r["cpython"])] + [fmt_secs(r[layout]) for layout in layouts]
        cells += [fmt_ratio(r[layout], r["cpython"]) for layout in layouts]
        if has_pt:
            cells.append(fmt_ratio(r["permanent"], r["transient"]))
        lines.append("| " + " | ".join(cells) + " |")
        if ok:
            for layout in layouts:
                ratios[layout].append(r[layout] / r["cpython"])
            if has_pt:
                pt_ratios.append(r["permanent"] / r["transient"])
        else:
            excluded.append((name, r["error"] or "fails"))
    mean_cells = ["**geometric mean**", "", *[""] * len(layouts)]
    for layout in layouts:
        g = geomean(ratios[layout])
        mean_cells.append(f"**{g:.2f}**" if g is not None else "–")
    if has_pt:
        g = geomean(pt_ratios)
        mean_cells.append(f"**{g:.2f}**" if g is not None else "–")
    lines.append("| " + " | ".join(mean_cells) + " |")
    if excluded:
        lines.append("")
        lines.append("Left out of the geometric means (they do not run everywhere):")
        for name, why in excluded:
            lines.append(f"- `{name}`: {why}")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="The fastest of the N runs is reported; outputs must match CPython's.")
    parser.add_argument("--bin", type=Path, default=DEFAULT_BIN,
                        help="the permafrost binary (default: target/release/permafrost)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per program and runner")
    parser.add_argument("--layouts", default="permanent,transient",
                        help="comma-separated layouts to time (default: permanent,transient)")
    parser.add_argument("--out", type=Path, help="also write the Markdown table to this file")
    parser.add_argument("--python", default="python3", help="the CPython to compare with")
    parser.add_argument("--programs", type=Path, default=DEFAULT_PROGRAMS,
                        help="directory of benchmark programs (default: benches/programs)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run")
    parser.add_argument("--metric", choices=["wall", "cpu"], default="wall",
                        help="wall-clock time (default) or the child's CPU time")
    parser.add_argument("names", nargs="*", help="only these programs (file stems)")
    args = parser.parse_args()

    layouts = [layout.strip() for layout in args.layouts.split(",") if layout.strip()]
    unknown = [layout for layout in layouts if layout not in ("permanent", "transient")]
    if unknown or not layouts:
        parser.error("--layouts takes permanent and/or transient")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if not args.bin.is_file():
        parser.error(f"{args.bin} not found: build it with "
                     "`cargo build --release -p permafrost-server` or pass --bin")
    args.bin = args.bin.resolve()
    programs = sorted(args.programs.resolve().glob("*.py"))
    if args.names:
        programs = [p for p in programs if p.stem in set(args.names)]
    if not programs:
        parser.error(f"no benchmark programs selected in {args.programs}")
    python_version = subprocess.run(
        [args.python, "-c", "import platform; print(platform.python_version())"],
        capture_output=True, text=True, check=True).stdout.strip()

    scratch = Path(tempfile.mkdtemp(prefix="permafrost-bench-"))
    results = []
    try:
        for path in programs:
            print(f"{path.stem} ...", file=sys.stderr, flush=True)
            results.append((path.stem, bench_program(path, args, layouts, scratch)))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    table = render(results, layouts, args, python_version)
    sys.stdout.write(table)
    if args.out:
        args.out.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
