#!/usr/bin/env python3
"""Instruction counts (valgrind callgrind) of the benchmark programs under one or more builds.

Wall-clock time on a shared 2-core machine varies by 10-20 % between runs; the number of
instructions a run executes does not (same binary, same input, same count). Use this to
compare two builds of permafrost, e.g. before and after a change:

    python3 scripts/bench_instructions.py --bin OLD/permafrost --bin NEW/permafrost

Each program in benches/programs/ is frozen once per build and run once under callgrind in
the given layout; the table shows instructions per build, each build's ratio to the first,
and the geometric mean of the ratios. Output must match across builds (it is checked).
"""

import argparse
import math
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def count(binary, image, layout):
    with tempfile.NamedTemporaryFile(suffix=".out") as cg:
        proc = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={cg.name}",
             binary, "run", image, "--layout", layout],
            capture_output=True, text=True)
    m = re.search(r"Collected : (\d+)", proc.stderr)
    if proc.returncode != 0 or not m:
        raise RuntimeError(f"{binary} run {image}: exit {proc.returncode}\n{proc.stderr[-800:]}")
    return int(m.group(1)), proc.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", action="append", required=True, help="a permafrost binary (repeat)")
    ap.add_argument("--layout", default="permanent", choices=["permanent", "transient"])
    ap.add_argument("--programs", default=str(ROOT / "benches" / "programs"))
    ap.add_argument("--only", help="comma-separated program names")
    args = ap.parse_args()
    programs = sorted(Path(args.programs).glob("*.py"))
    if args.only:
        wanted = set(args.only.split(","))
        programs = [p for p in programs if p.stem in wanted]
    logs = [0.0] * len(args.bin)
    n = 0
    print(f"{'program':<22}" + "".join(f"{'build ' + str(i):>16}" for i in range(len(args.bin)))
          + "".join(f"{'ratio ' + str(i):>10}" for i in range(1, len(args.bin))))
    with tempfile.TemporaryDirectory() as tmp:
        for prog in programs:
            counts, outputs = [], []
            for i, binary in enumerate(args.bin):
                image = f"{tmp}/{prog.stem}.{i}.pfi"
                subprocess.run([binary, "freeze", str(prog), "-o", image], check=True,
                               capture_output=True)
                c, out = count(binary, image, args.layout)
                counts.append(c)
                outputs.append(out)
            if any(o != outputs[0] for o in outputs):
                print(f"{prog.stem}: outputs differ between builds", file=sys.stderr)
                sys.exit(1)
            ratios = [c / counts[0] for c in counts[1:]]
            for i, c in enumerate(counts):
                logs[i] += math.log(c / counts[0])
            n += 1
            print(f"{prog.stem:<22}" + "".join(f"{c:>16,}" for c in counts)
                  + "".join(f"{r:>10.3f}" for r in ratios), flush=True)
    if n and len(args.bin) > 1:
        print(f"{'geometric mean':<22}" + " " * 16 * len(args.bin)
              + "".join(f"{math.exp(l / n):>10.3f}" for l in logs[1:]))


if __name__ == "__main__":
    main()
