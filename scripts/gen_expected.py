#!/usr/bin/env python3
"""Record CPython's behaviour for every program of the corpus.

For each program under tests/programs/ -- a file NAME.py, or a directory NAME/ whose main
module is main.py -- run it with python3 (CPython 3.11) and write NAME.expected.json:

    {"stdout": ..., "exit": N, "stderr_last": LAST_STDERR_LINE_OR_NULL,
     "traceback": SKELETON_LINES_OR_NULL, "traceback_full": LINES_OR_NULL,
     "code": [CODE_OBJECT_RECORD, ...]}

(`stderr_last`, `traceback` and `traceback_full` are only set when the exit status is not
0). `traceback_full` is the same text with the source and caret lines kept. The traceback
skeleton is stderr without the source and caret lines CPython indents by four spaces, with
every `File "PATH"` reduced to the file's base name: the frames (file, line, function), the
chaining messages and the exception lines. It is null when a RecursionError's traceback has
collapsed repeated frames ("[Previous line repeated N more times]"): that count depends on the
interpreter's stack.
`code` lists every code object CPython compiles from the program's files (modules, functions,
lambdas, comprehensions, class bodies), one record each, sorted:
[file, co_name, co_qualname, co_firstlineno, co_argcount, co_posonlyargcount,
co_kwonlyargcount, co_varnames, co_freevars, co_cellvars] -- the fields `permafrost dis --json`
must reproduce. Each program runs with its own
directory as the working directory, its file name relative, and a clean environment
(PYTHONHASHSEED=0, PYTHONDONTWRITEBYTECODE=1, UTF-8 I/O), so the output is deterministic and
the script idempotent. `--check` writes nothing and fails when an expected file is missing,
stale or orphaned. The Rust harness (server/tests/programs.rs) compares permafrost against
these files, so `cargo test` needs no Python.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT / "tests" / "programs"
# Programs are meant to be quick; slower ones are reported (not rejected) so the corpus
# stays fast to run under a young interpreter.
SLOW_SECONDS = 0.2
TIMEOUT_SECONDS = 20
FILE_LINE = re.compile(r'^  File "([^"]*)"(, line \d+, in .*)$')


def discover(programs_dir):
    """(name, cwd, files) for every program, sorted by name; the main module first."""
    found = []
    for entry in sorted(programs_dir.iterdir()):
        if entry.is_dir() and (entry / "main.py").is_file():
            # Packages live in subdirectories: every .py file below counts.
            others = sorted(p.relative_to(entry).as_posix() for p in entry.rglob("*.py")
                            if p.relative_to(entry).as_posix() != "main.py")
            found.append((entry.name, entry, ["main.py"] + others))
        elif entry.is_file() and entry.suffix == ".py":
            found.append((entry.stem, programs_dir, [entry.name]))
    return found


CODE_FIELDS = ("co_name", "co_qualname", "co_firstlineno", "co_argcount", "co_posonlyargcount",
               "co_kwonlyargcount", "co_varnames", "co_freevars", "co_cellvars")


def code_records(cwd, files):
    """One record per code object compiled from `files` (see the module documentation)."""
    records = []

    def walk(code, file_name):
        record = [file_name]
        for field in CODE_FIELDS:
            value = getattr(code, field)
            record.append(list(value) if isinstance(value, tuple) else value)
        records.append(record)
        for const in code.co_consts:
            if hasattr(const, "co_code"):
                walk(const, file_name)

    for file_name in files:
        source = (cwd / file_name).read_text(encoding="utf-8")
        walk(compile(source, file_name, "exec", dont_inherit=True), file_name)
    return sorted(records, key=lambda r: json.dumps(r, ensure_ascii=False))


def clean_env():
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONUTF8": "1",
        "PYTHONIOENCODING": "utf-8",
        "LC_ALL": "C.UTF-8",
    }
    return env


def record(python, cwd, files):
    """Runs one program; returns (expected dict, seconds)."""
    main_file = files[0]
    started = time.perf_counter()
    proc = subprocess.run(
        [python, main_file],
        cwd=cwd,
        env=clean_env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=TIMEOUT_SECONDS,
    )
    elapsed = time.perf_counter() - started
    stdout = proc.stdout.decode("utf-8")
    stderr = proc.stderr.decode("utf-8")
    stderr_last = None
    traceback = None
    full = None
    if proc.returncode != 0:
        lines = [line for line in stderr.splitlines() if line.strip()]
        stderr_last = lines[-1] if lines else ""
        traceback = traceback_skeleton(stderr)
        full = traceback_skeleton(stderr, keep_source=True)
    elif stderr.strip():
        raise RuntimeError(f"{cwd / main_file}: exit 0 but wrote to stderr:\n{stderr}")
    return {"stdout": stdout, "exit": proc.returncode, "stderr_last": stderr_last,
            "traceback": traceback, "traceback_full": full,
            "code": code_records(cwd, files)}, elapsed


def traceback_skeleton(stderr, keep_source=False):
    """The comparable part of a CPython traceback (see the module documentation)."""
    skeleton = []
    repeated = False
    for line in stderr.splitlines():
        if line.startswith("    ") and not keep_source:
            continue
        if line.startswith("  [Previous line repeated"):
            repeated = True
        match = FILE_LINE.match(line)
        if match:
            line = f'  File "{os.path.basename(match.group(1))}"{match.group(2)}'
        skeleton.append(line)
    while skeleton and not skeleton[-1].strip():
        skeleton.pop()
    if repeated and skeleton and skeleton[-1].startswith("RecursionError"):
        return None
    return skeleton if skeleton and skeleton[0].startswith("Traceback") else None


def render(expected):
    """Indented JSON with one line per code-object record, so diffs stay readable."""
    parts = []
    for key, value in expected.items():
        if key == "code" and value:
            rows = ",\n".join("    " + json.dumps(r, ensure_ascii=False) for r in value)
            text = "[\n" + rows + "\n  ]"
        else:
            text = json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n  ")
        parts.append(f"  {json.dumps(key)}: {text}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if any expected file is missing, stale or orphaned",
    )
    parser.add_argument("--python", default="python3", help="the CPython to record (3.11)")
    parser.add_argument(
        "--dir", type=Path, default=DEFAULT_DIR, help="the corpus directory (tests/programs)"
    )
    parser.add_argument("names", nargs="*", help="only these programs (default: all)")
    args = parser.parse_args()

    if not args.dir.is_dir():
        parser.error(f"{args.dir} is not a directory")
    version = subprocess.run(
        [args.python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if version != "3.11":
        print(f"warning: expectations are defined by CPython 3.11, {args.python} is {version}",
              file=sys.stderr)

    programs = discover(args.dir)
    if args.names:
        wanted = set(args.names)
        programs = [p for p in programs if p[0] in wanted]
        missing = wanted - {p[0] for p in programs}
        if missing:
            parser.error("no such program: " + ", ".join(sorted(missing)))

    problems = []
    written = 0
    for name, cwd, files in programs:
        try:
            expected, elapsed = record(args.python, cwd, files)
        except (subprocess.TimeoutExpired, RuntimeError, UnicodeDecodeError, SyntaxError) as exc:
            problems.append(f"{name}: {exc}")
            continue
        if elapsed > SLOW_SECONDS:
            print(f"note: {name} took {elapsed:.2f} s in CPython", file=sys.stderr)
        text = render(expected)
        path = args.dir / f"{name}.expected.json"
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old == text:
            continue
        if args.check:
            problems.append(f"{name}: {path.name} is {'stale' if old else 'missing'}")
        else:
            path.write_text(text, encoding="utf-8")
            written += 1

    if not args.names:
        names = {p[0] for p in programs}
        for path in sorted(args.dir.glob("*.expected.json")):
            name = path.name[: -len(".expected.json")]
            if name not in names:
                if args.check:
                    problems.append(f"{path.name} has no program")
                else:
                    path.unlink()
                    print(f"removed orphaned {path.name}", file=sys.stderr)

    for problem in problems:
        print(problem, file=sys.stderr)
    if not args.check:
        print(f"{len(programs)} programs, {written} expected files written", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
